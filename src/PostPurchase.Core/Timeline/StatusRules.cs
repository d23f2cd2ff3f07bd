using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>Provider reports on sent messages: forward only, failures told to the merchant.</summary>
/// <remarks>
/// A provider may also refuse a message because the recipient opted out there (Twilio 21610, an email
/// suppression list): reported as <c>suppressed</c>, it is recorded with the reason <c>opted-out</c>.
/// </remarks>
internal static class StatusRules
{
    public static bool Apply(DecisionContext ctx, MessageStatusChanged input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input.MessageKey);
        if (input.Status is not (MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Failed or MessageStatus.Suppressed))
        {
            throw new ArgumentException($"A provider reports sent, delivered, failed or suppressed, not {WireName.Of(input.Status)}.", nameof(input));
        }
        var message = ctx.Find(input.MessageKey)
            ?? throw new ArgumentException($"Order '{ctx.OrderId}' has no message '{input.MessageKey}'.", nameof(input));
        if (message.Status is MessageStatus.Scheduled or MessageStatus.Suppressed)
        {
            return false; // a callback for a message that never went out
        }
        var forward = MessageStatusOrder.IsForward(message.Status, input.Status);
        var opened = input.Opened && message.OpenedAt is null && input.Status is not (MessageStatus.Failed or MessageStatus.Suppressed);
        if (!forward && !opened)
        {
            return false; // a late or repeated callback
        }
        if (!forward)
        {
            // A read receipt after the delivery report: only the opening is news.
            ctx.Record(message with { OpenedAt = ctx.Now });
            return true;
        }
        var updated = message with
        {
            Status = input.Status,
            OpenedAt = opened ? ctx.Now : message.OpenedAt,
            SentAt = message.SentAt ?? (input.Status is MessageStatus.Sent or MessageStatus.Delivered ? ctx.Now : null),
            Reason = input.Status == MessageStatus.Suppressed ? input.Reason ?? SuppressionReason.OptedOut : message.Reason,
            ProviderMessageId = input.ProviderMessageId ?? message.ProviderMessageId,
            Error = input.Error ?? message.Error,
        };
        ctx.Record(updated);
        if (input.Status == MessageStatus.Failed)
        {
            var data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["messageKey"] = message.Key,
                ["intent"] = WireName.Of(message.Intent),
                ["channel"] = WireName.Of(message.Channel),
            };
            if (input.Error is { } error)
            {
                data["error"] = error;
            }
            ctx.Signal(SignalKind.MessageFailed, data);
        }
        return true;
    }
}
