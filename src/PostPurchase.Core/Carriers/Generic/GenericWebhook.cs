using System.Text.Json;
using PostPurchase.Core.Carriers.Payloads;
using PostPurchase.Core.Carriers.Signatures;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers.Generic;

/// <summary>PostPurchase's own tracking format for carriers and shops without an aggregator (see docs/webhooks.md).</summary>
/// <remarks>
/// <c>X-PostPurchase-Signature: sha256=&lt;hex HMAC-SHA256(secret, raw body)&gt;</c>. The body is one event
/// object or <c>{"events": [...]}</c> with up to <see cref="MaxEvents"/> of them.
/// </remarks>
internal sealed class GenericWebhook : ICarrierWebhook
{
    public const string SignatureHeader = "X-PostPurchase-Signature";
    public const string SignaturePrefix = "sha256=";
    public const int MaxEvents = 100;
    public const int MaxIdLength = 200;

    private static readonly string AllowedStatuses = string.Join(", ", Enum.GetValues<TrackingStatus>().Select(s => WireName.Of(s)));

    public string Provider => "generic";

    public bool Verify(CarrierWebhookRequest request, string secret)
    {
        ArgumentNullException.ThrowIfNull(request);
        SecretGuard.EnsureConfigured(Provider, secret);
        var header = WebhookSignature.Header(request, SignatureHeader)?.Trim();
        if (header is null || !header.StartsWith(SignaturePrefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var expected = WebhookSignature.HmacSha256(secret, request.Body.Span);
        return WebhookSignature.HexEquals(header[SignaturePrefix.Length..], expected);
    }

    public IReadOnlyList<TrackingEvent> Parse(CarrierWebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var document = PayloadDocument.Open(Provider, request.Body);
        var root = document.Root;
        if (root.KindOf("events") == JsonValueKind.Undefined)
        {
            return [ParseEvent(root, document)];
        }
        var events = root.Array("events");
        if (events.Count == 0)
        {
            throw document.Fail("events", "is empty; send at least one event");
        }
        if (events.Count > MaxEvents)
        {
            throw document.Fail("events", $"holds {events.Count} events; send at most {MaxEvents} per request");
        }
        return events.Select(e => ParseEvent(e, document)).ToList();
    }

    private TrackingEvent ParseEvent(PayloadNode node, PayloadDocument document)
    {
        if (node.Element.ValueKind != JsonValueKind.Object)
        {
            throw document.Fail(node.Path, $"must be an event object, not {PayloadDocument.Describe(node.Element.ValueKind)}");
        }
        var eventId = node.String("eventId");
        document.EventId = eventId;
        if (eventId.Length > MaxIdLength)
        {
            throw document.Fail(node.ChildPath("eventId"), $"is longer than {MaxIdLength} characters");
        }
        var carrier = node.String("carrier");
        var trackingNumber = node.String("trackingNumber");
        var statusText = node.String("status");
        if (!WireName.TryParse<TrackingStatus>(statusText, out var status))
        {
            throw document.Fail(node.ChildPath("status"), $"is '{PayloadNode.Shorten(statusText)}'; use one of {AllowedStatuses}");
        }
        return new TrackingEvent(
            Provider,
            eventId,
            carrier,
            trackingNumber,
            status,
            node.OptionalString("carrierStatus") ?? WireName.Of(status),
            Time(node, "occurredAt", document) ?? throw document.Fail(node.ChildPath("occurredAt"), "is missing; an ISO 8601 time with offset was expected"),
            Description: node.OptionalString("description"),
            Location: node.OptionalString("location"),
            CarrierEstimate: node.OptionalTime("estimatedDelivery"),
            OrderReference: node.OptionalString("orderReference"),
            CarrierTrackingUrl: Url(node, "trackingUrl", document));
    }

    // Our own format has no carrier-local guesswork: a time must say its offset.
    private static DateTimeOffset? Time(PayloadNode node, string name, PayloadDocument document)
    {
        var text = node.OptionalString(name);
        if (text is null)
        {
            return null;
        }
        return CarrierTime.TryParseWithOffset(text, out var time)
            ? time
            : throw document.Fail(node.ChildPath(name), $"is '{PayloadNode.Shorten(text)}'; an ISO 8601 time with offset was expected, e.g. 2026-03-03T08:15:00+01:00");
    }

    private static string? Url(PayloadNode node, string name, PayloadDocument document)
    {
        var text = node.OptionalString(name);
        if (text is null)
        {
            return null;
        }
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? text
            : throw document.Fail(node.ChildPath(name), "must be an absolute http(s) URL");
    }
}
