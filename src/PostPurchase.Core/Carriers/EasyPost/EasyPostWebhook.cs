using System.Text;
using PostPurchase.Core.Carriers.Payloads;
using PostPurchase.Core.Carriers.Signatures;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.EasyPost;

/// <summary>EasyPost tracker events: <c>X-Hmac-Signature: hmac-sha256-hex=</c> + hex HMAC-SHA256 keyed with the NFKD-normalised secret.</summary>
internal sealed class EasyPostWebhook : ICarrierWebhook
{
    public const string SignatureHeader = "X-Hmac-Signature";
    public const string SignaturePrefix = "hmac-sha256-hex=";

    public string Provider => "easypost";

    public bool Verify(CarrierWebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        SecretGuard.EnsureConfigured(Provider, secret);
        var header = WebhookSignature.Header(request, SignatureHeader)?.Trim();
        if (header is null || !header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        // EasyPost's own client libraries normalise the key to NFKD; "sécret" typed precomposed must still match.
        var key = Encoding.UTF8.GetBytes(secret.Normalize(NormalizationForm.FormKD));
        var expected = WebhookSignature.HmacSha256(key, request.Body.Span);
        return WebhookSignature.HexEquals(header[SignaturePrefix.Length..], expected);
    }

    public IReadOnlyList<TrackingEvent> Parse(CarrierWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = PayloadDocument.Open(Provider, request.Body);
        var root = document.Root;
        document.EventId = root.OptionalString("id");
        var eventId = root.String("id");
        var description = root.String("description");
        if (!description.StartsWith("tracker.", StringComparison.Ordinal))
        {
            // Batch, shipment and refund events share the endpoint when a merchant subscribes to everything.
            return [];
        }
        var tracker = root.Object("result");
        var trackingNumber = tracker.String("tracking_code");
        var status = tracker.String("status");
        var detail = tracker.OptionalString("status_detail");
        var details = tracker.Array("tracking_details");
        PayloadNode? scan = details.Count > 0 ? details[^1] : null;
        var place = scan?.OptionalObject("tracking_location");
        var occurredAt = scan?.OptionalTime("datetime", place?.OptionalString("country"))
            ?? tracker.OptionalTime("updated_at")
            ?? root.OptionalTime("created_at")
            ?? throw document.Fail("result.tracking_details[].datetime", "is missing, and so are result.updated_at and created_at; the scan time is required");

        return
        [
            new TrackingEvent(
                Provider,
                eventId,
                tracker.String("carrier"),
                trackingNumber,
                EasyPostStatusMap.Map(status, detail),
                PayloadText.Raw(status, detail),
                occurredAt,
                Description: scan?.OptionalString("message") ?? scan?.OptionalString("description"),
                Location: PayloadText.Location(place?.OptionalString("city"), place?.OptionalString("state"), place?.OptionalString("country")),
                CarrierEstimate: Estimate(tracker),
                CarrierTrackingUrl: tracker.OptionalString("public_url")),
        ];
    }

    // est_delivery_date is a date at midnight UTC; the carrier's local date says which day is meant.
    private static DateTimeOffset? Estimate(PayloadNode tracker)
    {
        var carrierDetail = tracker.OptionalObject("carrier_detail");
        var destination = carrierDetail?.OptionalObject("destination_tracking_location")?.OptionalString("country");
        var localDate = carrierDetail?.OptionalString("est_delivery_date_local");
        var localTime = carrierDetail?.OptionalString("est_delivery_time_local");
        if (localDate is not null)
        {
            var text = localTime is null ? localDate : $"{localDate}T{localTime}";
            if (CarrierTime.TryParse(text, destination, out var local))
            {
                return local;
            }
        }
        return tracker.OptionalTime("est_delivery_date");
    }
}
