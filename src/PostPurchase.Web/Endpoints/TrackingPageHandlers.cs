using PostPurchase.Web.Api;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Pages.Tracking;

namespace PostPurchase.Web.Endpoints;

/// <summary>The buyer's tracking page <c>/track/{token}</c>, its self-service actions and assets; both runtimes route to these handlers.</summary>
public static class TrackingPageHandlers
{
    /// <summary>The page's self-service actions, each a POST to <c>/track/{token}/{action}</c>.</summary>
    public static IReadOnlyList<string> Actions { get; } = ["cancel", "return", "rate", "consent"];

    /// <summary>GET /assets/{name}: the pages' stylesheet and script.</summary>
    public static Task<IResult> GetAssetAsync(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!PageAssets.TryGet(name, out var content, out var contentType))
        {
            return Task.FromResult(Results.NotFound());
        }
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Task.FromResult(Results.Bytes(content, contentType));
    }

    /// <summary>GET /track/{token}?lang=&amp;done=: the page in the buyer's (or the chosen) language.</summary>
    public static async Task<IResult> GetPageAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = new TrackingPageServices(context);
        var (snapshot, refusal) = await OpenAsync(context, services, token).ConfigureAwait(false);
        if (snapshot is null)
        {
            return refusal!;
        }
        var query = context.Request.Query;
        var model = services.Model(snapshot, token, query["lang"], query["done"]);
        return PageResponses.Page(context, TrackingPageRenderer.Render(model));
    }

    /// <summary>GET /track/{token}/review: records that the review link was used, then sends the buyer to the product (or the shop's review page).</summary>
    public static async Task<IResult> OpenReviewAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = new TrackingPageServices(context);
        var (snapshot, refusal) = await OpenAsync(context, services, token).ConfigureAwait(false);
        if (snapshot is null)
        {
            return refusal!;
        }
        await services.Workflows.RaiseAsync(snapshot.State.Order.OrderId, new ReviewLinkUsed(), context.RequestAborted).ConfigureAwait(false);
        var target = snapshot.State.Order.Items.Select(i => i.ProductUrl).FirstOrDefault(u => u is not null) ?? services.Branding.ReviewUrl;
        return Results.Redirect(target ?? $"/track/{token}");
    }

    /// <summary>POST /track/{token}/{action} (one of <see cref="Actions"/>): checks the rate limit and anti-forgery token, applies the action, redirects back with a notice.</summary>
    public static async Task<IResult> ActionAsync(HttpContext context, string token, string action)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = new TrackingPageServices(context);
        if (!services.Limiter.TryAcquire(context, isAction: true))
        {
            return PageResponses.TooManyRequests(context);
        }
        var cancellationToken = context.RequestAborted;
        var snapshot = Actions.Contains(action) ? await services.FindAsync(token, cancellationToken).ConfigureAwait(false) : null;
        if (snapshot is null)
        {
            return PageResponses.NotFound(context);
        }
        if (!await services.Antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return ErrorPage(context, services.Model(snapshot, token, null), "error.notAllowed", StatusCodes.Status400BadRequest);
        }
        if (await RequestForm.ReadAsync(context.Request, cancellationToken).ConfigureAwait(false) is not { } form)
        {
            return ErrorPage(context, services.Model(snapshot, token, null), "error.notAllowed", StatusCodes.Status400BadRequest);
        }
        var model = services.Model(snapshot, token, form["lang"]);
        var state = snapshot.State;
        var policy = services.Policy;
        var now = services.Time.GetUtcNow();
        var result = action switch
        {
            "cancel" when form["confirm"] != "yes" => null,
            "cancel" => TrackingPageActions.Cancel(state, policy, now),
            "return" => TrackingPageActions.Return(state, policy, now, form["skus"].OfType<string>().ToList(), form["reason"], form["resolution"]),
            "rate" => TrackingPageActions.Rate(state, policy, now, form["score"], form["comment"]),
            _ => TrackingPageActions.Consent(state, form["sms"] == "on", form["whatsapp"] == "on", services.Pages.ConsentWordingVersion),
        };
        if (result is null)
        {
            var check = TrackingPageActions.Cancel(state, policy, now);
            return check.Action is null
                ? ErrorPage(context, model, check.ErrorKey!, StatusCodes.Status409Conflict)
                : PageResponses.Page(context, TrackingPageRenderer.RenderCancelConfirmation(model));
        }
        if (result.Action is not { } done)
        {
            var status = result.ErrorKey == "error.notAllowed" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return ErrorPage(context, model, result.ErrorKey!, status);
        }
        foreach (var input in done.Inputs)
        {
            await services.Workflows.RaiseAsync(state.Order.OrderId, input, cancellationToken).ConfigureAwait(false);
        }
        if (done.Signal is not null)
        {
            await services.Webhooks.PublishAsync(done.Signal, cancellationToken).ConfigureAwait(false);
        }
        return Results.Redirect($"/track/{token}?lang={model.Text.Locale}&done={done.Notice}", permanent: false, preserveMethod: false);
    }

    /// <summary>The order behind the token of a page view, or the answer when the rate limit or the token refuses it.</summary>
    private static async Task<(OrderSnapshot? Snapshot, IResult? Refusal)> OpenAsync(HttpContext context, TrackingPageServices services, string token)
    {
        if (!services.Limiter.TryAcquire(context, isAction: false))
        {
            return (null, PageResponses.TooManyRequests(context));
        }
        var snapshot = await services.FindAsync(token, context.RequestAborted).ConfigureAwait(false);
        if (snapshot is not null)
        {
            return (snapshot, null);
        }
        return (null, services.IsFresh(token) ? PageResponses.Pending(context) : PageResponses.NotFound(context));
    }

    private static IResult ErrorPage(HttpContext context, TrackingPageModel model, string errorKey, int status) =>
        PageResponses.Page(context, ActionErrorPage.Render(model, errorKey), status);
}
