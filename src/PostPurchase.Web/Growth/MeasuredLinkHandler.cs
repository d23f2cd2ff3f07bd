using Microsoft.Extensions.Options;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Growth;

/// <summary><c>GET /l/{token}</c>: records the click on the order's timeline and in the buyer's profile, then redirects to the link's target.</summary>
public static partial class MeasuredLinkHandler
{
    /// <summary>Follows a measured link; 404 (saying nothing) for a forged or expired token, an unknown order or a link that names nothing.</summary>
    public static async Task<IResult> FollowAsync(HttpContext context, string token)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        if (!services.GetRequiredService<PageRateLimiter>().TryAcquire(context, isAction: false))
        {
            return BuyerPageResults.TooManyRequests(context);
        }
        if (!services.GetRequiredService<MeasuredLinks>().TryRead(token, out var link))
        {
            return BuyerPageResults.NotFound(context);
        }
        var workflows = services.GetRequiredService<IOrderWorkflows>();
        var snapshot = await workflows.GetAsync(link.OrderId, context.RequestAborted);
        var live = await services.GetRequiredService<IStudioSettings>().CurrentAsync(context.RequestAborted);
        var links = services.GetRequiredService<CustomerLinks>().For(link.OrderId);
        var target = snapshot is null ? null
            : LinkTargets.Resolve(snapshot.State, link.MessageKey, link.Link, links, live.Policy.Growth.Recommendations, live.Branding.ReviewUrl);
        if (snapshot is null || target is null)
        {
            return BuyerPageResults.NotFound(context);
        }
        try
        {
            await workflows.RaiseAsync(link.OrderId, new LinkClicked(link.MessageKey, link.Link), context.RequestAborted);
            if (snapshot.State.Buyer is { } buyer && services.GetService<IBuyerProfiles>() is { } profiles)
            {
                var at = services.GetRequiredService<TimeProvider>().GetUtcNow();
                await profiles.RecordClickAsync(buyer.Key, new Attribution(link.OrderId, link.MessageKey, link.Link, at), context.RequestAborted);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The buyer still gets where they wanted to go; the lost click shows in the logs.
            LogClickNotRecorded(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MeasuredLinkHandler)), ex, link.OrderId, link.Link);
        }
        BuyerPageResults.NoStore(context);
        return Results.Redirect(target);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Order {OrderId}: the click on link {Link} could not be recorded; the buyer was redirected anyway")]
    private static partial void LogClickNotRecorded(ILogger logger, Exception exception, string orderId, string link);
}
