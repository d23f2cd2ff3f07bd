using System.Text.Json;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>One input addressed to one order, with the id that makes applying it idempotent.</summary>
/// <param name="AcceptedAt">When the input was accepted (queued), for the intake-to-applied latency metric.</param>
internal sealed record InputEnvelope(string Id, string OrderId, TimelineInput Input, DateTimeOffset? AcceptedAt = null)
{
    public static InputEnvelope For(string orderId, TimelineInput input, DateTimeOffset? acceptedAt = null) =>
        new(Guid.NewGuid().ToString("N"), orderId, input, acceptedAt);

    public string ToJson() => JsonSerializer.Serialize(this, CoreJson.Options);

    public static InputEnvelope FromJson(string json) =>
        JsonSerializer.Deserialize<InputEnvelope>(json, CoreJson.Options)
        ?? throw new JsonException("The inbox message holds null.");

    /// <summary>The input type's wire name ("tracking-updated"), for logs and metrics.</summary>
    public string Type => Input switch
    {
        OrderPlaced => "order-placed",
        ShipmentRegistered => "shipment-registered",
        TrackingUpdated => "tracking-updated",
        WakeUp => "wake-up",
        OrderCancelled => "order-cancelled",
        ReturnRequested => "return-requested",
        OrderRefunded => "order-refunded",
        CsatAnswered => "csat-answered",
        ConsentChanged => "consent-changed",
        MessageStatusChanged => "message-status-changed",
        MessageResendRequested => "message-resend-requested",
        ReviewLinkUsed => "review-link-used",
        OrderUpdated => "order-updated",
        _ => Input.GetType().Name,
    };
}
