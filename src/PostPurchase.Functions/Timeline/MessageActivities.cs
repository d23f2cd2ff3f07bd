using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Timeline;

/// <summary>The timeline's activities: commit a decision (publish, send, save in one call), and the single steps it falls back to. All I/O goes through the shared services.</summary>
public sealed class MessageActivities(
    IStudioSettings studio,
    CustomerLinks links,
    IEnumerable<IChannelSender> senders,
    IOrderReadModelStore readModels,
    IMerchantWebhooks webhooks,
    IConsentLedger consent,
    TimeProvider time,
    ISendAttempts? attempts = null,
    ILogger<MessageActivities>? logger = null)
{
    /// <summary>
    /// Publishes the decision's signals, sends each of its messages once and saves the read model with the send results on the
    /// message rows: one activity per decision. Nothing in it throws after a send, so it is never repeated over a failure; what
    /// did not go through is reported and the orchestrator retries that part alone. A decision made with an older studio settings
    /// version than the one in force is refused before anything happens, with the newer policy to decide again with.
    /// </summary>
    [Function(nameof(CommitDecision))]
    public async Task<CommitResult> CommitDecision([ActivityTrigger] CommitRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        var live = await studio.CurrentAsync(cancellationToken);
        if (request.CheckSettings && live.Version > (request.SettingsVersion ?? 0))
        {
            return CommitResult.NewerSettings(live.Policy);
        }
        string? signalError = null;
        foreach (var signal in request.Signals)
        {
            try
            {
                await webhooks.PublishAsync(signal, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                signalError ??= ex.Message;
            }
        }
        // Channels go side by side, so a slow email provider does not hold up a text; within a channel the decided order stays.
        var results = new SendResult[request.Send.Count];
        await Task.WhenAll(request.Send
            .Select((message, index) => (message, index))
            .GroupBy(m => m.message.Channel)
            .Select(async channel =>
            {
                foreach (var (message, index) in channel)
                {
                    results[index] = await SendGuardedAsync(live, request.State, message, cancellationToken);
                }
            }));
        var outcomes = new Dictionary<string, TimelineMessage>(StringComparer.Ordinal);
        for (var i = 0; i < results.Length; i++)
        {
            outcomes[request.Send[i].Key] = WithOutcome(request.Send[i], results[i], time.GetUtcNow());
        }
        string? saveError = null;
        try
        {
            await SaveAsync(live, request.State, outcomes, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            saveError = $"{ex.GetType().Name}: {ex.Message}";
        }
        return new CommitResult(results, signalError, saveError);
    }

    private async Task<SendResult> SendGuardedAsync(LiveSettings live, TimelineState state, TimelineMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await SendOnceAsync(live, state, message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Senders report provider errors as results: a throw means the request was not made, so it is sent again later.
            return new SendResult(SendOutcome.Retry, Error: $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    /// <summary>Renders the message and sends it through the channel's sender; a provider asking to retry later fails the attempt so the retry policy runs.</summary>
    /// <remarks>Activities run at least once; the message key travels to the provider as the idempotency key where it supports one.</remarks>
    [Function(nameof(SendMessage))]
    public async Task<SendResult> SendMessage([ActivityTrigger] SendMessageRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var live = await studio.CurrentAsync(context.CancellationToken);
        var result = await SendOnceAsync(live, request.State, request.Message, context.CancellationToken);
        if (result.Outcome == SendOutcome.Retry)
        {
            throw new InvalidOperationException($"The provider asked to retry {request.Message.Key} later: {result.Error ?? "temporarily unavailable"}.");
        }
        return result;
    }

    /// <summary>Writes the order's read model: the same Table Storage rows the self-hosted runtime writes, so the API and the tracking page read one model.</summary>
    [Function(nameof(SaveReadModel))]
    public async Task SaveReadModel([ActivityTrigger] TimelineState state, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        var live = await studio.CurrentAsync(context.CancellationToken);
        await SaveAsync(live, state, new Dictionary<string, TimelineMessage>(), context.CancellationToken);
    }

    /// <summary>The message as the provider's answer leaves it, as the decider will record it: the rows show it before the state does.</summary>
    internal static TimelineMessage WithOutcome(TimelineMessage message, SendResult result, DateTimeOffset now) =>
        result.Outcome != SendOutcome.Retry && SendOutcomes.ToInputs(message, result).OfType<MessageStatusChanged>().SingleOrDefault() is { } change
            ? message with
            {
                Status = change.Status,
                SentAt = message.SentAt ?? (change.Status == MessageStatus.Sent ? now : null),
                ProviderMessageId = change.ProviderMessageId ?? message.ProviderMessageId,
                Error = change.Error ?? message.Error,
            }
            : message;

    /// <remarks>Templates, branding and quiet hours are the settings version in force at send time (docs/studio.md).</remarks>
    private async Task<SendResult> SendOnceAsync(LiveSettings live, TimelineState state, TimelineMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(message.To))
        {
            return new SendResult(SendOutcome.Failed, Error: $"No {message.Channel} address for the buyer; nothing was sent.");
        }
        // The orchestration may be in this very activity while a STOP waits in its event queue: the ledger has it already.
        var current = state with { Consent = await consent.CurrentAsync(state.Order.OrderId, state.Consent, cancellationToken) };
        var verdict = SendCheck.Judge(current, message, time.GetUtcNow(), live.Policy);
        if (verdict.SuppressedBecause is { } reason)
        {
            return new SendResult(SendOutcome.Suppressed, Reason: reason,
                Error: $"Held back at send time: the buyer's consent for {WireName.Of(message.Channel)} ({WireName.Of(message.Purpose)}) was withdrawn after the message was decided.");
        }
        if (verdict.DeferredUntil is { } until)
        {
            // A send retried into the night: the orchestration schedules it again for the morning instead of texting now.
            return new SendResult(SendOutcome.Deferred, Error: "Held back at send time: the buyer's quiet hours began.", DeferredUntil: until);
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
            live.Composer.Compose(message, state, orderLinks),
            WhatsAppWindowOpen: message.Channel == Channel.WhatsApp && WhatsAppWindow.IsOpen(state, time.GetUtcNow()),
            UnsubscribeUrl: orderLinks.UnsubscribeUrl,
            Branding: live.Branding,
            WhatsAppTemplateSid: message.Channel == Channel.WhatsApp ? live.WhatsAppTemplateFor(message.Intent, message.Locale) : null);
        return attempts is null || message.Channel == Channel.Email || !sender.CanLookUpSends
            ? await sender.SendAsync(outbound, cancellationToken)
            : await MarkedSend.SendAsync(attempts, sender, outbound, time.GetUtcNow(), logger ?? NullLogger<MessageActivities>.Instance, cancellationToken);
    }

    private async Task SaveAsync(LiveSettings live, TimelineState state, IReadOnlyDictionary<string, TimelineMessage> outcomes, CancellationToken cancellationToken)
    {
        var orderLinks = links.For(state.Order.OrderId);
        var records = state.Messages.Select(m => Record(live.Composer, outcomes.GetValueOrDefault(m.Key, m), state, orderLinks)).ToList();
        await readModels.SaveAsync(new OrderSnapshot(state, records), cancellationToken);
    }

    private static MessageRecord Record(MessageComposer composer, TimelineMessage message, TimelineState state, MessageLinks orderLinks)
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
