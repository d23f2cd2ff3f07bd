using PostPurchase.Core.Carriers.Payloads;
using PostPurchase.Core.Carriers.Signatures;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.AfterShip;

/// <summary>AfterShip Tracking webhooks: <c>aftership-hmac-sha256</c> = base64 HMAC-SHA256(secret, raw body).</summary>
internal sealed class AfterShipWebhook : ICarrierWebhook
{
    public const string SignatureHeader = "aftership-hmac-sha256";

    public string Provider => "aftership";

    public bool Verify(CarrierWebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        SecretGuard.EnsureConfigured(Provider, secret);
        var expected = WebhookSignature.HmacSha256(secret, request.Body.Span);
        return WebhookSignature.Base64Equals(WebhookSignature.Header(request, SignatureHeader), expected);
    }

    public IReadOnlyList<TrackingEvent> Parse(CarrierWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = PayloadDocument.Open(Provider, request.Body);
        var root = document.Root;
        document.EventId = root.OptionalString("event_id");
        var eventId = root.String("event_id");
        var msg = root.Object("msg");
        var trackingNumber = msg.String("tracking_number");
        var tag = msg.String("tag");
        var subtag = msg.OptionalString("subtag");
        var checkpoints = msg.Array("checkpoints");
        PayloadNode? checkpoint = checkpoints.Count > 0 ? checkpoints[^1] : null;
        var scanCountry = checkpoint?.OptionalString("country_region") ?? checkpoint?.OptionalString("country_iso3");
        var occurredAt = checkpoint?.OptionalTime("checkpoint_time", scanCountry)
            ?? msg.OptionalTime("updated_at")
            ?? root.OptionalTime("ts")
            ?? throw document.Fail("msg.checkpoints[].checkpoint_time", "is missing, and so are msg.updated_at and ts; the scan time is required");
        var destination = msg.OptionalString("destination_country_region") ?? msg.OptionalString("destination_country_iso3");

        return
        [
            new TrackingEvent(
                Provider,
                eventId,
                msg.String("slug"),
                trackingNumber,
                AfterShipStatusMap.Map(tag, subtag),
                PayloadText.Raw(tag, subtag),
                occurredAt,
                Description: checkpoint?.OptionalString("message") ?? msg.OptionalString("subtag_message"),
                Location: checkpoint?.OptionalString("location")
                    ?? PayloadText.Location(checkpoint?.OptionalString("city"), checkpoint?.OptionalString("state"), scanCountry),
                CarrierEstimate: Estimate(msg, destination),
                OrderReference: msg.OptionalString("order_number"),
                CarrierTrackingUrl: msg.OptionalString("courier_tracking_link") ?? msg.OptionalString("aftership_tracking_url")),
        ];
    }

    // The versioned payload's latest estimate is what AfterShip says to show; the legacy field is the carrier's own.
    private static DateTimeOffset? Estimate(PayloadNode msg, string? destination) =>
        msg.OptionalObject("latest_estimated_delivery")?.OptionalTime("datetime", destination)
        ?? msg.OptionalObject("courier_estimated_delivery_date")?.OptionalTime("estimated_delivery_date", destination)
        ?? msg.OptionalTime("expected_delivery", destination);
}
