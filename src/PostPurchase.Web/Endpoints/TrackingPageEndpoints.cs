using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Pages.Tracking;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Endpoints;

/// <summary>The buyer's tracking page <c>/track/{token}</c> and its self-service actions.</summary>
public static class TrackingPageEndpoints
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Maps the page, its four actions, the review redirect and the shared assets.</summary>
    public static IEndpointRouteBuilder MapTrackingPageEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/assets/{name}", GetAsset).ExcludeFromDescription();
        var track = app.MapGroup("/track/{token}").ExcludeFromDescription();
        track.MapGet("/", GetPageAsync);
        track.MapGet("/review", OpenReviewAsync);
        track.MapPost("/{action:regex(^(cancel|return|rate|consent)$)}", PostActionAsync);
        return app;
    }

    private static IResult GetAsset(string name, HttpContext context)
    {
        if (!PageAssets.TryGet(name, out var content, out var contentType))
        {
            return Results.NotFound();
        }
        context.Response.Headers.CacheControl = "public, max-age=3600";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(content, contentType);
    }

    private static async Task<IResult> GetPageAsync(string token, string? lang, string? done, HttpContext context, [AsParameters] PageServices services, CancellationToken cancellationToken)
    {
        if (!services.Limiter.TryAcquire(context, isAction: false))
        {
            return TooManyRequests(context);
        }
        var snapshot = await services.FindAsync(token, cancellationToken);
        if (snapshot is null)
        {
            return NotFound(context);
        }
        var model = services.Model(snapshot, token, lang, context, done);
        return Page(context, TrackingPageRenderer.Render(model));
    }

    private static async Task<IResult> OpenReviewAsync(string token, HttpContext context, [AsParameters] PageServices services, CancellationToken cancellationToken)
    {
        if (!services.Limiter.TryAcquire(context, isAction: false))
        {
            return TooManyRequests(context);
        }
        var snapshot = await services.FindAsync(token, cancellationToken);
        if (snapshot is null)
        {
            return NotFound(context);
        }
        await services.Workflows.RaiseAsync(snapshot.State.Order.OrderId, new Core.Timeline.ReviewLinkUsed(), cancellationToken);
        var target = snapshot.State.Order.Items.Select(i => i.ProductUrl).FirstOrDefault(u => u is not null) ?? services.Options.Value.Branding.ReviewUrl;
        return Results.Redirect(target ?? $"/track/{token}");
    }

    private static async Task<IResult> PostActionAsync(string token, string action, HttpContext context, [AsParameters] PageServices services, CancellationToken cancellationToken)
    {
        if (!services.Limiter.TryAcquire(context, isAction: true))
        {
            return TooManyRequests(context);
        }
        var snapshot = await services.FindAsync(token, cancellationToken);
        if (snapshot is null)
        {
            return NotFound(context);
        }
        if (!await services.Antiforgery.IsRequestValidAsync(context))
        {
            return ErrorPage(context, services.Model(snapshot, token, null, context), "error.notAllowed", StatusCodes.Status400BadRequest);
        }
        var form = await context.Request.ReadFormAsync(cancellationToken);
        var model = services.Model(snapshot, token, form["lang"], context);
        var state = snapshot.State;
        var policy = services.Options.Value.Policy;
        var now = services.Time.GetUtcNow();
        var result = action switch
        {
            "cancel" when form["confirm"] != "yes" => null,
            "cancel" => TrackingPageActions.Cancel(state, policy, now),
            "return" => TrackingPageActions.Return(state, policy, now, form["skus"].OfType<string>().ToList(), form["reason"], form["resolution"]),
            "rate" => TrackingPageActions.Rate(state, policy, now, form["score"], form["comment"]),
            _ => TrackingPageActions.Consent(state, form["sms"] == "on", form["whatsapp"] == "on", services.Pages.Value.ConsentWordingVersion),
        };
        if (result is null)
        {
            var check = TrackingPageActions.Cancel(state, policy, now);
            return check.Action is null
                ? ErrorPage(context, model, check.ErrorKey!, StatusCodes.Status409Conflict)
                : Page(context, TrackingPageRenderer.RenderCancelConfirmation(model));
        }
        if (result.Action is not { } done)
        {
            var status = result.ErrorKey == "error.notAllowed" ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return ErrorPage(context, model, result.ErrorKey!, status);
        }
        foreach (var input in done.Inputs)
        {
            await services.Workflows.RaiseAsync(state.Order.OrderId, input, cancellationToken);
        }
        if (done.Signal is not null)
        {
            await services.Webhooks.PublishAsync(done.Signal, cancellationToken);
        }
        return Results.Redirect($"/track/{token}?lang={model.Text.Locale}&done={done.Notice}", permanent: false, preserveMethod: false);
    }

    private static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    private static IResult NotFound(HttpContext context) => Page(context, NotFoundPage.Render(), StatusCodes.Status404NotFound);

    private static IResult TooManyRequests(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "60";
        return Results.Text("Too many requests. Try again in a minute.", "text/plain", Encoding.UTF8, StatusCodes.Status429TooManyRequests);
    }

    private static IResult ErrorPage(HttpContext context, TrackingPageModel model, string errorKey, int status) =>
        Page(context, ActionErrorPage.Render(model, errorKey), status);

    /// <summary>The services every tracking-page handler uses, resolved as one parameter.</summary>
    internal sealed class PageServices(
        CustomerLinks links,
        IOrderWorkflows workflows,
        IMerchantWebhooks webhooks,
        IAntiforgery antiforgery,
        PageRateLimiter limiter,
        IOptions<PostPurchaseOptions> options,
        IOptions<PagesOptions> pages,
        TimeProvider time)
    {
        public CustomerLinks Links { get; } = links;
        public IOrderWorkflows Workflows { get; } = workflows;
        public IMerchantWebhooks Webhooks { get; } = webhooks;
        public IAntiforgery Antiforgery { get; } = antiforgery;
        public PageRateLimiter Limiter { get; } = limiter;
        public IOptions<PostPurchaseOptions> Options { get; } = options;
        public IOptions<PagesOptions> Pages { get; } = pages;
        public TimeProvider Time { get; } = time;

        public async Task<OrderSnapshot?> FindAsync(string token, CancellationToken cancellationToken) =>
            Links.TryReadToken(token, out var orderId) ? await Workflows.GetAsync(orderId, cancellationToken) : null;

        public TrackingPageModel Model(OrderSnapshot snapshot, string token, string? lang, HttpContext context, string? notice = null)
        {
            var tokens = Antiforgery.GetAndStoreTokens(context);
            var locale = PageText.IsSupported(lang) ? lang! : snapshot.State.Order.Customer.Locale;
            return new TrackingPageModel(
                snapshot.State, Options.Value.Branding, Options.Value.Policy, Pages.Value, Time.GetUtcNow(), locale,
                $"/track/{token}", new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken!), notice,
                TrackingGrowth.For(snapshot.State, Options.Value.Policy, Links.Measured));
        }
    }
}
