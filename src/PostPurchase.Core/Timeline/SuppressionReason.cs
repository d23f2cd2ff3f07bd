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
}
