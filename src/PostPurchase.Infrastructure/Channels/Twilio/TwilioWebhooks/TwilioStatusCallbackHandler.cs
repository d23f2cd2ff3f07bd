using Microsoft.Extensions.Logging;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;

/// <summary>Turns a verified Twilio status callback into <see cref="MessageStatusChanged"/> for the message's order, moving statuses forward only.</summary>
internal sealed partial class TwilioStatusCallbackHandler(IOrderWorkflows workflows, ILogger<TwilioStatusCallbackHandler> logger)
{
    /// <summary>Applies the callback for message <paramref name="key"/>; the form is Twilio's (MessageStatus, MessageSid, ErrorCode, ...).</summary>
    public async Task<WebhookResult> HandleAsync(string? key, TwilioForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrWhiteSpace(key) || OrderIdOf(key) is not { } orderId)
        {
            return WebhookResult.Invalid("The status callback URL has no valid ?key= message key (expected {order}:{intent}[:{parcel}]:{channel}).");
        }
        var twilioStatus = form["MessageStatus"] ?? form["SmsStatus"];
        if (MapStatus(twilioStatus) is not { } status)
        {
            LogIgnored(key, twilioStatus ?? "(none)");
            return WebhookResult.Ignored($"status '{twilioStatus}' does not change the message");
        }
        var snapshot = await workflows.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
        var current = snapshot?.Messages.FirstOrDefault(m => m.Message.Key == key)?.Message.Status;
        // A WhatsApp read receipt is news even after the delivery report: the buyer opened it (A/B tests count opens).
        var read = string.Equals(twilioStatus, "read", StringComparison.OrdinalIgnoreCase);
        if (current is { } known && !MessageStatusOrder.IsForward(known, status) && !read)
        {
            return WebhookResult.Ignored($"message is already {WireName.Of(known)}; {WireName.Of(status)} would move it back");
        }
        var error = form["ErrorCode"] is { Length: > 0 } code ? $"twilio {code}: {form["ErrorMessage"] ?? Describe(code)}" : null;
        var input = new MessageStatusChanged(key, status, form["MessageSid"] ?? form["SmsSid"], error, Opened: read);
        if (!await workflows.RaiseAsync(orderId, input, cancellationToken).ConfigureAwait(false))
        {
            LogUnknownOrder(key, orderId);
            return WebhookResult.Ignored($"no order '{orderId}'");
        }
        return WebhookResult.Applied([orderId]);
    }

    /// <summary>The order id of a message key (<see cref="MessageKey"/>, resends included); order ids may themselves contain ':'.</summary>
    internal static string? OrderIdOf(string key)
    {
        var parts = MessageKey.OriginalOf(key).Split(':');
        if (parts.Length < 3 || !WireName.TryParse<Channel>(parts[^1], out _))
        {
            return null;
        }
        foreach (var intentAt in new[] { parts.Length - 2, parts.Length - 3 })
        {
            if (intentAt >= 1 && WireName.TryParse<Intent>(parts[intentAt], out _))
            {
                return string.Join(':', parts[..intentAt]);
            }
        }
        return null;
    }

    /// <summary>Twilio's message status as ours; null for statuses that change nothing (queued, sending, ...).</summary>
    internal static MessageStatus? MapStatus(string? twilioStatus) => twilioStatus?.ToLowerInvariant() switch
    {
        "sent" => MessageStatus.Sent,
        "delivered" or "read" => MessageStatus.Delivered,
        "undelivered" or "failed" or "canceled" => MessageStatus.Failed,
        _ => null,
    };

    private static string Describe(string code) => code switch
    {
        "30003" => "unreachable destination handset",
        "30004" => "message blocked by the recipient or carrier",
        "30005" => "unknown destination handset",
        "30006" => "landline or unreachable carrier",
        "30007" => "message filtered as spam",
        "30008" => "unknown error",
        "63016" => "WhatsApp free-form message outside the 24-hour window; an approved template is needed",
        _ => $"see https://www.twilio.com/docs/api/errors/{code}",
    };

    [LoggerMessage(Level = LogLevel.Debug, Message = "Twilio status '{Status}' for {Key} changes nothing")]
    private partial void LogIgnored(string key, string status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio status callback for {Key}: no order '{OrderId}'")]
    private partial void LogUnknownOrder(string key, string orderId);
}
