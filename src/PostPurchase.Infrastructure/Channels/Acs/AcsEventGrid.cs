using System.Text.Json;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>Reads what Event Grid posts for ACS Email: the subscription validation handshake, delivery reports and engagement reports (Event Grid schema, an array).</summary>
internal static class AcsEventGrid
{
    public const string ValidationEvent = "Microsoft.EventGrid.SubscriptionValidationEvent";
    public const string DeliveryReportEvent = "Microsoft.Communication.EmailDeliveryReportReceived";

    /// <summary>Sent when the domain has engagement tracking on and the buyer opened (<c>view</c>) or clicked in the email.</summary>
    public const string EngagementReportEvent = "Microsoft.Communication.EmailEngagementTrackingReportReceived";

    /// <summary>The status an engagement report stands for: an email the buyer opened or clicked in was delivered.</summary>
    public const string EngagedStatus = "Engaged";

    /// <summary>The events of one delivery; throws <see cref="JsonException"/> or <see cref="FormatException"/> naming what is wrong.</summary>
    public static AcsEventBatch Parse(byte[] body)
    {
        if (!JsonText.IsText(body))
        {
            throw new FormatException("The events are not valid text: bytes that are not UTF-8, or an escaped lone surrogate such as \\ud800.");
        }
        using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 16 });
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("Event Grid posts a JSON array of events.");
        }
        string? validationCode = null;
        var reports = new List<AcsDeliveryReport>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("Every event is a JSON object.");
            }
            var type = Text(item, "eventType") ?? throw new FormatException("An event has no eventType.");
            var data = item.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : throw new FormatException($"The {type} event has no data object.");
            if (type == ValidationEvent)
            {
                validationCode = Text(data, "validationCode") ?? throw new FormatException("The validation event has no data.validationCode.");
            }
            else if (type == DeliveryReportEvent)
            {
                var operationId = Text(data, "messageId") ?? throw new FormatException("A delivery report has no data.messageId.");
                var status = Text(data, "status") ?? throw new FormatException("A delivery report has no data.status.");
                var detail = data.TryGetProperty("deliveryStatusDetails", out var details) && details.ValueKind == JsonValueKind.Object ? Text(details, "statusMessage") : null;
                reports.Add(new AcsDeliveryReport(Text(item, "id") ?? operationId, operationId, status, detail));
            }
            else if (type == EngagementReportEvent)
            {
                var operationId = Text(data, "messageId") ?? throw new FormatException("An engagement report has no data.messageId.");
                var engagement = Text(data, "engagement") ?? Text(data, "engagementType") ?? throw new FormatException("An engagement report has no data.engagement.");
                reports.Add(new AcsDeliveryReport(Text(item, "id") ?? operationId, operationId, EngagedStatus, engagement, Opened: true));
            }
        }
        return new AcsEventBatch(validationCode, reports);
    }

    /// <summary>The message status a delivery report's status means; null for statuses that change nothing (Expanded, unknown ones).</summary>
    public static MessageStatus? StatusOf(string reportStatus) => reportStatus switch
    {
        "Delivered" or EngagedStatus => MessageStatus.Delivered,
        "Suppressed" => MessageStatus.Suppressed,
        "Bounced" or "Failed" or "Quarantined" or "FilteredSpam" => MessageStatus.Failed,
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>One Event Grid delivery: the validation code when it was the handshake, and the delivery reports it carried.</summary>
internal sealed record AcsEventBatch(string? ValidationCode, IReadOnlyList<AcsDeliveryReport> Reports);

/// <summary>One email delivery or engagement report: the operation (message) id, ACS's status and its detail; opened for a view or click.</summary>
internal sealed record AcsDeliveryReport(string EventId, string OperationId, string Status, string? Detail, bool Opened = false);
