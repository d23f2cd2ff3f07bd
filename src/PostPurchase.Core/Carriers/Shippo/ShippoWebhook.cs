using System.Text;
using System.Web;
using PostPurchase.Core.Carriers.Payloads;
using PostPurchase.Core.Carriers.Signatures;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.Shippo;

/// <summary>Shippo <c>track_updated</c> webhooks, verified by the URL's <c>?token=</c> or, when present, <c>Shippo-Auth-Signature</c>.</summary>
/// <remarks>
/// Shippo signs only on request (through its account managers); the default is a secret token the merchant
/// puts in the webhook URL. When the signature header is present it alone decides:
/// <c>t=&lt;unix&gt;,v1=&lt;hex HMAC-SHA256(secret, "{t}.{raw body}")&gt;</c>.
/// </remarks>
internal sealed class ShippoWebhook : ICarrierWebhook
{
    public const string SignatureHeader = "Shippo-Auth-Signature";
    public const string TokenParameter = "token";

    public string Provider => "shippo";

    public bool Verify(CarrierWebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        SecretGuard.EnsureConfigured(Provider, secret);
        var signature = WebhookSignature.Header(request, SignatureHeader);
        if (signature is not null)
        {
            return VerifySignature(signature, request.Body.Span, secret);
        }
        var token = HttpUtility.ParseQueryString(Query(request.Url))[TokenParameter];
        return WebhookSignature.TextEquals(token, secret);
    }

    public IReadOnlyList<TrackingEvent> Parse(CarrierWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = PayloadDocument.Open(Provider, request.Body);
        var root = document.Root;
        if (root.String("event") != "track_updated")
        {
            // Transaction and batch events share the endpoint when a merchant subscribes to "all".
            return [];
        }
        var track = root.Object("data");
        var current = track.Object("tracking_status");
        document.EventId = current.OptionalString("object_id");
        var trackingNumber = track.String("tracking_number");
        var status = current.String("status");
        var substatus = current.OptionalObject("substatus");
        var code = substatus?.OptionalString("code");
        var place = current.OptionalObject("location");
        var country = place?.OptionalString("country");
        var occurredAt = current.OptionalTime("status_date", country)
            ?? current.OptionalTime("object_updated")
            ?? current.OptionalTime("object_created")
            ?? throw document.Fail("data.tracking_status.status_date", "is missing, and so are object_updated and object_created; the scan time is required");
        var rawStatus = PayloadText.Raw(status, code);

        return
        [
            new TrackingEvent(
                Provider,
                document.EventId ?? EventIds.Derive(Provider, trackingNumber, rawStatus, occurredAt),
                track.String("carrier"),
                trackingNumber,
                ShippoStatusMap.Map(status, code),
                rawStatus,
                occurredAt,
                Description: current.OptionalString("status_details") ?? substatus?.OptionalString("text"),
                Location: PayloadText.Location(place?.OptionalString("city"), place?.OptionalString("state"), country),
                CarrierEstimate: track.OptionalTime("eta"),
                OrderReference: track.OptionalString("metadata"),
                CarrierTrackingUrl: track.OptionalString("tracking_url_provider")),
        ];
    }

    // A relative URL has no Uri.Query; its query is whatever follows the '?'.
    private static string Query(Uri url)
    {
        if (url.IsAbsoluteUri)
        {
            return url.Query;
        }
        var text = url.OriginalString;
        var question = text.IndexOf('?', StringComparison.Ordinal);
        return question < 0 ? "" : text[question..];
    }

    private static bool VerifySignature(string header, ReadOnlySpan<byte> body, string secret)
    {
        string? timestamp = null;
        var candidates = new List<string>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }
            var (name, value) = (part[..equals].Trim(), part[(equals + 1)..].Trim());
            if (name == "t")
            {
                timestamp = value;
            }
            else if (name == "v1")
            {
                candidates.Add(value);
            }
        }
        if (string.IsNullOrEmpty(timestamp) || candidates.Count == 0)
        {
            return false;
        }
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var expected = WebhookSignature.HmacSha256(secret, signed);
        // Every candidate is checked so that the time taken does not depend on which one matched.
        var valid = false;
        foreach (var candidate in candidates)
        {
            valid |= WebhookSignature.HexEquals(candidate, expected);
        }
        return valid;
    }
}
