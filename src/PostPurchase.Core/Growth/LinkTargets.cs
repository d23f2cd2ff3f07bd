using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>Where a measured link leads: the message's call to action or one of its recommendations; the same answer when rendering and when followed.</summary>
public static class LinkTargets
{
    /// <summary>Link name of a message's main button.</summary>
    public const string CallToActionLink = "cta";

    /// <summary>The target of a message's call to action before it is measured.</summary>
    /// <param name="reviewFallback">Where a review button goes without a review link (the branding's review page).</param>
    public static string CallToAction(TimelineMessage message, TimelineState state, MessageLinks links, string? reviewFallback = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(links);
        var productUrl = state.Order.Items.Select(i => i.ProductUrl).FirstOrDefault(ReorderLinks.IsWebUrl);
        var target = message.Intent switch
        {
            Intent.ReviewRequest or Intent.ReviewReminder => First(links.ReviewUrl, reviewFallback, productUrl),
            Intent.CsatSurvey => links.CsatUrl,
            Intent.ReplenishmentReminder => First(Fact(message, "reorderUrl"), ItemUrl(message, state)),
            Intent.WinBack => First(Fact(message, "landingUrl"), productUrl),
            Intent.ReferralInvite => Fact(message, "shareUrl"),
            _ => null,
        };
        return First(target, links.TrackingUrl) ?? links.TrackingUrl;
    }

    /// <summary>Where the link named <paramref name="link"/> of a message (or, without a key, of the tracking page) leads; null when it names nothing.</summary>
    public static string? Resolve(TimelineState state, string? messageKey, string link, MessageLinks links, RecommendationPolicy recommendations, string? reviewFallback = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(recommendations);
        if (messageKey is null)
        {
            return link.StartsWith("rec:", StringComparison.Ordinal)
                ? Recommendations.For(state.Order, recommendations).FirstOrDefault(p => Recommendations.LinkOf(p.Sku) == link)?.Url
                : null;
        }
        var message = state.Messages.FirstOrDefault(m => m.Key == messageKey);
        return message is null ? null
            : link == CallToActionLink ? CallToAction(message, state, links, reviewFallback)
            : Recommendations.FromFacts(message.Facts).FirstOrDefault(p => Recommendations.LinkOf(p.Sku) == link)?.Url;
    }

    private static string? Fact(TimelineMessage message, string name) =>
        message.Facts is not null && message.Facts.TryGetValue(name, out var value) ? value : null;

    private static string? ItemUrl(TimelineMessage message, TimelineState state) =>
        state.Order.Items.FirstOrDefault(i => i.Sku == Fact(message, "skus"))?.ProductUrl;

    private static string? First(params string?[] urls) => urls.FirstOrDefault(ReorderLinks.IsWebUrl);
}
