using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Timeline;

/// <summary>The timeline's activities: send one message, save the read model. All I/O goes through the shared services.</summary>
public sealed class MessageActivities(
    MessageComposer composer,
    CustomerLinks links,
    IEnumerable<IChannelSender> senders,
    IOrderReadModelStore readModels,
    IConsentLedger consent,
    IOptions<PostPurchaseOptions> settings,
    TimeProvider time)
{
    /// <summary>Renders the message and sends it through the channel's sender; a provider asking to retry later fails the attempt so the retry policy runs.</summary>
    /// <remarks>Activities run at least once; the message key travels to the provider as the idempotency key where it supports one.</remarks>
    [Function(nameof(SendMessage))]
    public async Task<SendResult> SendMessage([ActivityTrigger] SendMessageRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var (state, message) = (request.State, request.Message);
        if (string.IsNullOrWhiteSpace(message.To))
        {
            return new SendResult(SendOutcome.Failed, Error: $"No {message.Channel} address for the buyer; nothing was sent.");
        }
        // The orchestration may be in this very activity while a STOP waits in its event queue: the ledger has it already.
        var current = state with { Consent = await consent.CurrentAsync(state.Order.OrderId, state.Consent, context.CancellationToken) };
        if (SendCheck.Judge(current, message, time.GetUtcNow(), settings.Value.Policy).SuppressedBecause is { } reason)
        {
            return new SendResult(SendOutcome.Suppressed, Reason: reason,
                Error: $"Held back at send time: the buyer's consent for {WireName.Of(message.Channel)} ({WireName.Of(message.Purpose)}) was withdrawn after the message was decided.");
        }
        var sender = senders.LastOrDefault(s => s.Channel == message.Channel)
            ?? throw new InvalidOperationException($"No sender is registered for the {message.Channel} channel.");
        var orderLinks = links.For(state.Order.OrderId);
        var customer = state.Order.Customer;
        var outbound = new OutboundMessage(
            message.Key,
            state.Order.OrderId,
            message.Intent,
            message.Channel,
            message.To,
            $"{customer.FirstName} {customer.LastName}".Trim(),
            message.Locale,
            message.Purpose,
            composer.Compose(message, state, orderLinks),
            WhatsAppWindowOpen: message.Channel == Channel.WhatsApp && WhatsAppWindow.IsOpen(state, time.GetUtcNow()),
            UnsubscribeUrl: orderLinks.UnsubscribeUrl);
        var result = await sender.SendAsync(outbound, context.CancellationToken);
        if (result.Outcome == SendOutcome.Retry)
        {
            throw new InvalidOperationException(
                $"{sender.Provider} asked to retry {message.Key} later: {result.Error ?? "temporarily unavailable"}.");
        }
        return result;
    }

    /// <summary>Writes the order's read model: the same Table Storage rows the self-hosted runtime writes, so the API and the tracking page read one model.</summary>
    [Function(nameof(SaveReadModel))]
    public async Task SaveReadModel([ActivityTrigger] TimelineState state, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var orderLinks = links.For(state.Order.OrderId);
        var records = state.Messages.Select(message => Record(message, state, orderLinks)).ToList();
        await readModels.SaveAsync(new OrderSnapshot(state, records), context.CancellationToken);
    }

    private MessageRecord Record(TimelineMessage message, TimelineState state, MessageLinks orderLinks)
    {
        // Only what went (or was going) out has content; scheduled and suppressed messages are never rendered.
        if (message.Status is MessageStatus.Scheduled or MessageStatus.Suppressed)
        {
            return new MessageRecord(message, null, null);
        }
        var content = composer.Compose(message, state, orderLinks);
        return new MessageRecord(message, content.Subject, content.Text);
    }
}
