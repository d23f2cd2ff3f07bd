using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>The buyer's own messages: kept on the order, and a WhatsApp one opens the 24-hour window.</summary>
internal static class ReplyRules
{
    public static bool Apply(DecisionContext ctx, CustomerReplied input)
    {
        if (!WireName.TryParse<Channel>(input.Channel?.Trim(), out var channel) || channel == Channel.Email)
        {
            throw new ArgumentException($"Unknown reply channel '{input.Channel}' (expected sms or whatsapp).", nameof(input));
        }
        ArgumentNullException.ThrowIfNull(input.Text);
        if (input.Text.Length > CustomerReplied.MaxTextLength)
        {
            throw new ArgumentException($"A reply is at most {CustomerReplied.MaxTextLength} characters; this one has {input.Text.Length}.", nameof(input));
        }
        var id = string.IsNullOrWhiteSpace(input.ProviderMessageId) ? null : input.ProviderMessageId.Trim();
        var reply = new CustomerReply(channel, input.Text, ctx.Now, id);
        if (ctx.State.Replies.Any(r => IsSame(r, reply)))
        {
            return false; // the provider retried its webhook, or the runtime redelivered the input
        }
        var opened = ctx.State.WhatsAppWindowOpenedAt;
        if (channel == Channel.WhatsApp && (opened is null || opened < ctx.Now))
        {
            opened = ctx.Now;
        }
        ctx.State = ctx.State with { Replies = [.. ctx.State.Replies, reply], WhatsAppWindowOpenedAt = opened };
        return true;
    }

    // With a provider id, the id decides; without one, only the very same text on the same channel at the same moment is a repeat.
    private static bool IsSame(CustomerReply kept, CustomerReply reply) => reply.ProviderMessageId is not null
        ? string.Equals(kept.ProviderMessageId, reply.ProviderMessageId, StringComparison.Ordinal)
        : kept.ProviderMessageId is null && kept.Channel == reply.Channel && kept.At == reply.At && string.Equals(kept.Text, reply.Text, StringComparison.Ordinal);
}
