using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Timeline;

/// <summary>Turns what a provider made of a send into the inputs that tell the decider.</summary>
internal static class SendOutcomes
{
    /// <summary>The inputs for <paramref name="result"/>; an opt-out at the provider also revokes the channel's consent.</summary>
    public static IReadOnlyList<TimelineInput> ToInputs(TimelineMessage message, SendResult result) => result.Outcome switch
    {
        SendOutcome.Sent => [new MessageStatusChanged(message.Key, MessageStatus.Sent, result.ProviderMessageId)],
        // The provider may have accepted it: record it as sent, never resend and risk a duplicate.
        SendOutcome.Unknown => [new MessageStatusChanged(message.Key, MessageStatus.Sent, result.ProviderMessageId,
            $"The provider did not confirm the send ({result.Error ?? "no answer"}); it was not repeated to avoid a duplicate.")],
        SendOutcome.OptedOut =>
        [
            new ConsentChanged(message.Channel == Channel.WhatsApp ? ConsentSubjects.WhatsApp : ConsentSubjects.Sms, false, "provider"),
            new MessageStatusChanged(message.Key, MessageStatus.Suppressed, result.ProviderMessageId,
                result.Error ?? "The recipient opted out at the provider."),
        ],
        SendOutcome.Deferred when result.DeferredUntil is { } until => [new MessageSendDeferred(message.Key, until)],
        SendOutcome.Suppressed =>
            [new MessageStatusChanged(message.Key, MessageStatus.Suppressed, Error: result.Error, Reason: result.Reason ?? SuppressionReason.OptedOut)],
        _ => [new MessageStatusChanged(message.Key, MessageStatus.Failed, result.ProviderMessageId, result.Error ?? $"Send failed ({result.Outcome}).")],
    };
}
