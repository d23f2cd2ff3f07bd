using System.Globalization;
using System.Text.Json;
using PostPurchase.Core.Carriers.Payloads;
using PostPurchase.Core.Carriers.Signatures;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.Sendcloud;

/// <summary>Sendcloud parcel webhooks: <c>Sendcloud-Signature</c> = lowercase hex HMAC-SHA256(secret, raw body).</summary>
internal sealed class SendcloudWebhook : ICarrierWebhook
{
    public const string SignatureHeader = "Sendcloud-Signature";
    public const string StatusChanged = "parcel_status_changed";

    public string Provider => "sendcloud";

    public bool Verify(CarrierWebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        SecretGuard.EnsureConfigured(Provider, secret);
        var expected = WebhookSignature.HmacSha256(secret, request.Body.Span);
        return WebhookSignature.HexEquals(WebhookSignature.Header(request, SignatureHeader), expected);
    }

    public IReadOnlyList<TrackingEvent> Parse(CarrierWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = PayloadDocument.Open(Provider, request.Body);
        var root = document.Root;
        if (root.String("action") != StatusChanged)
        {
            // Integration and return events share the endpoint; they carry no parcel status.
            return [];
        }
        var parcel = root.Object("parcel");
        var trackingNumber = parcel.String("tracking_number");
        var status = parcel.Object("status");
        var statusId = status.OptionalInt64("id") ?? throw document.Fail("parcel.status.id", "is missing; a number was expected");
        var message = status.OptionalString("message");
        var rawStatus = PayloadText.Raw(statusId.ToString(CultureInfo.InvariantCulture), message);
        // Sendcloud has no event id; the parcel's status change time is the closest thing to a scan time.
        var occurredAt = root.OptionalTime("carrier_status_change_timestamp")
            ?? root.OptionalTime("timestamp")
            ?? throw document.Fail("carrier_status_change_timestamp", "is missing, and so is timestamp; the status time is required");

        return
        [
            new TrackingEvent(
                Provider,
                EventIds.Derive(Provider, trackingNumber, rawStatus, occurredAt),
                Carrier(parcel),
                trackingNumber,
                SendcloudStatusMap.Map(statusId, message),
                rawStatus,
                occurredAt,
                Description: message,
                OrderReference: parcel.OptionalString("order_number") ?? parcel.OptionalString("external_order_id"),
                CarrierTrackingUrl: parcel.OptionalString("tracking_url")),
        ];
    }

    // API v2 sends carrier {code}; older payloads a plain string; the shipment method name is the last resort.
    private static string Carrier(PayloadNode parcel) => parcel.KindOf("carrier") switch
    {
        JsonValueKind.Object => parcel.Object("carrier").OptionalString("code"),
        JsonValueKind.String => parcel.OptionalString("carrier"),
        _ => null,
    } ?? parcel.OptionalObject("shipment")?.OptionalString("name") ?? "unknown";
}
