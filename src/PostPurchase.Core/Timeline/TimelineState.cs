using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>Everything the timeline remembers about one order; serialised as JSON by both runtimes.</summary>
public sealed record TimelineState
{
    /// <summary>The order as placed.</summary>
    public required Order Order { get; init; }

    /// <summary>The order's status now.</summary>
    public OrderStatus Status { get; init; } = OrderStatus.Confirmed;

    /// <summary>Every parcel registered, in registration order.</summary>
    public IReadOnlyList<ParcelState> Parcels { get; init; } = [];

    /// <summary>Every distinct tracking event received (deduped by provider + event id), in arrival order.</summary>
    public IReadOnlyList<TrackingEvent> Events { get; init; } = [];

    /// <summary>Every message decided, whatever its status.</summary>
    public IReadOnlyList<TimelineMessage> Messages { get; init; } = [];

    /// <summary>Delay causes already alerted (intent wire names); one alert per cause per order.</summary>
    public IReadOnlyList<Intent> DelayAlerts { get; init; } = [];

    /// <summary>Consent per channel and its proof.</summary>
    public required ConsentState Consent { get; init; }

    /// <summary>When the last parcel was delivered (or the fallback moment, when no delivered scan came).</summary>
    public DateTimeOffset? DeliveredAt { get; init; }

    /// <summary>The buyer's CSAT score (1-5), once answered.</summary>
    public int? CsatScore { get; init; }

    /// <summary>The buyer's CSAT comment, once answered.</summary>
    public string? CsatComment { get; init; }

    /// <summary>Request ids of the resends applied (<see cref="MessageResendRequested.RequestId"/>), so a repeated request is harmless.</summary>
    public IReadOnlyList<string> ResendRequests { get; init; } = [];

    /// <summary>Every refund recorded, partial ones included, in arrival order.</summary>
    public IReadOnlyList<RefundRecord> Refunds { get; init; } = [];

    /// <summary>True once the buyer opened the review link.</summary>
    public bool ReviewLinkUsed { get; init; }

    /// <summary>Every message the buyer sent (SMS or WhatsApp, keywords aside), deduped by provider message id, in arrival order.</summary>
    public IReadOnlyList<CustomerReply> Replies { get; init; } = [];

    /// <summary>When the buyer last wrote on WhatsApp, which opens the 24-hour window for free-form text (see <see cref="WhatsAppWindow"/>).</summary>
    public DateTimeOffset? WhatsAppWindowOpenedAt { get; init; }

    /// <summary>The buyer across orders (order number, marketing lately); null for orders taken in without a buyer profile.</summary>
    public BuyerFacts? Buyer { get; init; }

    /// <summary>Measured links of this order the buyer followed, in order (at most <see cref="Growth.GrowthRules.MaxClicks"/>).</summary>
    public IReadOnlyList<LinkClick> Clicks { get; init; } = [];

    /// <summary>Later orders of the same buyer, as they arrived.</summary>
    public IReadOnlyList<Reorder> Reorders { get; init; } = [];

    /// <summary>The A/B test arms this order is in.</summary>
    public IReadOnlyList<ExperimentAssignment> Experiments { get; init; } = [];

    /// <summary>When the decider wants to be woken next; null when nothing is scheduled.</summary>
    public DateTimeOffset? NextWakeAt { get; init; }

    /// <summary>True when nothing more can happen: runtimes stop scheduling.</summary>
    public bool Completed { get; init; }

    /// <summary>Number of inputs applied; runtimes use it for diagnostics.</summary>
    public int Version { get; init; }
}
