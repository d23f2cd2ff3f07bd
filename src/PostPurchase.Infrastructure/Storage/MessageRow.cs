using System.Text.Json;
using Azure.Data.Tables;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Maps a <c>msg|{key}</c> row: the decided message, its rendered content and its delivery status (the outbox).</summary>
internal static class MessageRow
{
    public const string Prefix = "msg|";

    /// <summary>Outbox states beyond <see cref="MessageStatus"/>: claimed by a dispatcher, waiting to retry, or fate unknown.</summary>
    public const string Sending = "sending";
    public const string Retry = "retry";
    public const string Unknown = "unknown";
    public static readonly string Pending = WireName.Of(MessageStatus.Pending);

    /// <summary>When the buyer's WhatsApp window opened, as the decision that wrote the row saw it.</summary>
    public const string WhatsAppWindowColumn = "WhatsAppWindowOpenedAt";

    /// <summary>Why a row in <see cref="Retry"/> waits and until when (a provider's pause, quiet hours, the next attempt); shown while it waits.</summary>
    public const string WaitingColumn = "Waiting";

    /// <summary>The note for <see cref="WaitingColumn"/>.</summary>
    public static string WaitingNote(DateTimeOffset until, string why) =>
        $"Waiting until {until.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC: {why}.";

    /// <summary>When a claim whose answer was lost began (set when a stale claim is claimed again); a sender that can look sends up searches from there.</summary>
    public const string LostClaimColumn = "LostClaimAt";

    public static string RowKeyOf(string messageKey) => Prefix + KeyEncoder.Encode(messageKey);

    /// <summary>The row for <paramref name="message"/>; a WhatsApp row also keeps when the buyer's 24-hour window opened, for the send.</summary>
    public static TableEntity ToEntity(string orderId, TimelineMessage message, RenderedMessage? content, string recipientName, DateTimeOffset? whatsAppWindowOpenedAt = null)
    {
        var entity = new TableEntity(KeyEncoder.Encode(orderId), RowKeyOf(message.Key))
        {
            ["Kind"] = "msg",
            ["OrderId"] = orderId,
            ["Status"] = WireName.Of(message.Status),
            ["Attempts"] = 0,
            ["RecipientName"] = recipientName,
            ["Message"] = JsonSerializer.Serialize(message, CoreJson.Options),
            ["ProviderMessageId"] = message.ProviderMessageId,
            ["Error"] = message.Error,
            ["SentAt"] = message.SentAt,
        };
        if (message.Channel == Channel.WhatsApp && whatsAppWindowOpenedAt is not null)
        {
            entity[WhatsAppWindowColumn] = whatsAppWindowOpenedAt;
        }

        if (content is not null)
        {
            ChunkedText.Write(entity, "Content", JsonSerializer.Serialize(content, CoreJson.Options));
        }

        return entity;
    }

    public static TimelineMessage ReadMessage(TableEntity entity) =>
        JsonSerializer.Deserialize<TimelineMessage>(entity.GetString("Message") ?? "null", CoreJson.Options)
        ?? throw new InvalidDataException($"Message row {entity.PartitionKey}/{entity.RowKey} has no Message column.");

    public static RenderedMessage? ReadContent(TableEntity entity) =>
        ChunkedText.Read(entity, "Content") is { } json ? JsonSerializer.Deserialize<RenderedMessage>(json, CoreJson.Options) : null;

    /// <summary>The message as the read model shows it: the row's live status wins over the decided one.</summary>
    public static MessageRecord ToRecord(TableEntity entity)
    {
        var message = ReadMessage(entity);
        var status = entity.GetString("Status");
        var error = entity.GetString("Error");
        var live = status switch
        {
            Sending or Retry => MessageStatus.Pending,
            Unknown => MessageStatus.Pending,
            _ when WireName.TryParse<MessageStatus>(status, out var parsed) => parsed,
            _ => message.Status,
        };
        if (status == Retry && entity.GetString(WaitingColumn) is { } waiting)
        {
            // A waiting message says why, so a paused channel does not look like a stuck one.
            error = error is null ? waiting : $"{waiting} Last error: {error}";
        }
        if (status == Unknown)
        {
            error = "unknown, check: the provider may or may not have accepted it; it is not resent automatically. " + error;
        }

        var content = ReadContent(entity);
        var updated = message with
        {
            Status = live,
            ProviderMessageId = entity.GetString("ProviderMessageId") ?? message.ProviderMessageId,
            SentAt = entity.GetDateTimeOffset("SentAt") ?? message.SentAt,
            Error = error ?? message.Error,
            Reason = WireName.TryParse<SuppressionReason>(entity.GetString("Reason"), out var reason) ? reason : message.Reason,
        };
        return new MessageRecord(updated, content?.Subject, content?.Text);
    }
}
