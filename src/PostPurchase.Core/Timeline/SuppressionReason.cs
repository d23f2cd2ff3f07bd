using System.Text.Json.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>Why a message was recorded but never sent.</summary>
public enum SuppressionReason
{
    /// <summary>The buyer never opted in to this channel (or purpose).</summary>
    NoConsent,
    /// <summary>The buyer opted out (STOP) after opting in.</summary>
    OptedOut,
    /// <summary>The order was cancelled.</summary>
    Cancelled,
    /// <summary>The order was returned or refunded.</summary>
    Returned,
    /// <summary>The buyer rated the order low; no review request.</summary>
    LowCsat,
    /// <summary>No phone number or email to send to.</summary>
    NoAddress,
    /// <summary>A delivery problem or return is open.</summary>
    IssueOpen,
    /// <summary>Superseded: a later message made it pointless (e.g. delivered before the delay alert went out).</summary>
    Superseded,
    /// <summary>The daily cap of non-essential messages was reached and the message's moment passed.</summary>
    [JsonStringEnumMemberName("fatigue-cap")]
    FatigueCap,
    /// <summary>The buyer ordered again (that item, for a replenishment reminder) before it went out.</summary>
    Reordered,
    /// <summary>The weekly marketing cap across the buyer's orders held it back for longer than it may wait.</summary>
    [JsonStringEnumMemberName("weekly-cap")]
    WeeklyCap,
    /// <summary>The order is in the holdout arm of an A/B test: recorded, never sent.</summary>
    Holdout,
    /// <summary>The buyer already had a win-back within the period.</summary>
    [JsonStringEnumMemberName("once-per-period")]
    OncePerPeriod,
}
