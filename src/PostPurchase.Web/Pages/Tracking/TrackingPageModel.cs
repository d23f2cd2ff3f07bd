using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>Everything one rendering of the tracking page needs; built by the host (or the Functions app) per request.</summary>
/// <param name="BasePath">The page's own path, <c>/track/{token}</c>; forms post below it.</param>
/// <param name="Notice">A confirmation to show at the top: "cancelled", "return", "rated", "consent".</param>
/// <param name="Growth">Recommendations and loyalty standing; null shows neither.</param>
public sealed record TrackingPageModel(
    TimelineState State,
    Branding Branding,
    TimelinePolicy Policy,
    PagesOptions Options,
    DateTimeOffset Now,
    string Locale,
    string BasePath,
    AntiforgeryField? Antiforgery = null,
    string? Notice = null,
    TrackingGrowth? Growth = null)
{
    /// <summary>The page's strings.</summary>
    public PageText Text { get; } = PageText.For(Locale);

    /// <summary>What the page may offer now.</summary>
    public TrackingPageState Allowed { get; } = TrackingPageState.Of(State, Policy, Now);

    /// <summary>The buyer's time zone (UTC when the order names an unknown one).</summary>
    public TimeZoneInfo Zone { get; } = FindZone(State.Order.Customer.TimeZone);

    /// <summary>A date in the buyer's language and zone.</summary>
    public string Date(DateTimeOffset value) => Text.Date(value, Zone);

    /// <summary>A date and time in the buyer's language and zone.</summary>
    public string DateTime(DateTimeOffset value) => Text.DateTime(value, Zone);

    private static TimeZoneInfo FindZone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
}
