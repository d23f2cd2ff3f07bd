using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Growth;

/// <summary>
/// <c>/unsubscribe/{token}</c>, the footer link of every email: GET asks, POST (also the mail client's one-click, RFC 8058) withdraws
/// marketing consent on the order and in the buyer's profile, so no order of the buyer sends marketing from then on.
/// </summary>
public static class UnsubscribeHandler
{
    /// <summary>The source every withdrawal through this link is recorded with.</summary>
    public const string Source = "unsubscribe-link";

    /// <summary>GET: the question and one button; a link scanner that only GETs changes nothing.</summary>
    public static async Task<IResult> ShowAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (found, result) = await FindAsync(context, token);
        return found is null ? result! : BuyerPageResults.Page(context, UnsubscribePage.Render(found.Value.State, await BrandingAsync(context), $"/unsubscribe/{token}", done: false));
    }

    /// <summary>POST: withdraws marketing consent (idempotent) and confirms.</summary>
    public static async Task<IResult> UnsubscribeAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (found, result) = await FindAsync(context, token);
        if (found is null)
        {
            return result!;
        }
        var (orderId, state) = found.Value;
        var services = context.RequestServices;
        var wording = services.GetRequiredService<IOptions<PagesOptions>>().Value.ConsentWordingVersion;
        await services.GetRequiredService<IOrderWorkflows>().RaiseAsync(orderId, new ConsentChanged(ConsentSubjects.Marketing, false, Source, wording), context.RequestAborted);
        if (state.Buyer is { } buyer && services.GetService<IBuyerProfiles>() is { } profiles)
        {
            var record = new ConsentRecord(ConsentSubjects.Marketing, false, Source, services.GetRequiredService<TimeProvider>().GetUtcNow(), wording);
            await profiles.RecordConsentAsync(buyer.Key, record, context.RequestAborted);
        }
        return BuyerPageResults.Page(context, UnsubscribePage.Render(state, await BrandingAsync(context), $"/unsubscribe/{token}", done: true));
    }

    private static async Task<((string OrderId, TimelineState State)? Found, IResult? Refusal)> FindAsync(HttpContext context, string token)
    {
        var services = context.RequestServices;
        if (!services.GetRequiredService<PageRateLimiter>().TryAcquire(context, isAction: HttpMethods.IsPost(context.Request.Method)))
        {
            return (null, BuyerPageResults.TooManyRequests(context));
        }
        if (!services.GetRequiredService<CustomerLinks>().TryReadToken(token, out var orderId)
            || await services.GetRequiredService<IOrderWorkflows>().GetAsync(orderId, context.RequestAborted) is not { } snapshot)
        {
            return (null, BuyerPageResults.NotFound(context));
        }
        return ((orderId, snapshot.State), null);
    }

    /// <summary>The branding of the studio settings version in force.</summary>
    private static async Task<Core.Messages.Branding> BrandingAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<IStudioSettings>().CurrentAsync(context.RequestAborted)).Branding;
}
