namespace PostPurchase.Core.Timeline;

/// <summary>The merchant's "send this message again": a new message, copied from the original, under a key of its own.</summary>
internal static class ResendRules
{
    /// <summary>Fact naming the message a resend copies.</summary>
    public const string ResendOfFact = "resendOf";

    /// <summary>Fact naming who asked for the resend.</summary>
    public const string RequestedByFact = "requestedBy";

    /// <summary>
    /// Plans the resend for now. Consent, opt-out, the order's status and quiet hours apply as to any message;
    /// the daily cap does not (the merchant asked). Survey and review messages are not asked again once the
    /// timeline has ended. False when the request was applied before.
    /// </summary>
    public static bool Apply(DecisionContext ctx, MessageResendRequested input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input.MessageKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.Requester);
        if (string.IsNullOrWhiteSpace(input.RequestId))
        {
            throw new ArgumentException("A resend needs a RequestId, so that the same request applied twice sends once.", nameof(input));
        }
        if (ctx.Find(input.MessageKey) is null)
        {
            throw new ArgumentException($"Order '{ctx.OrderId}' has no message '{input.MessageKey}' to resend.", nameof(input));
        }
        if (ctx.State.ResendRequests.Contains(input.RequestId, StringComparer.Ordinal))
        {
            return false;
        }
        var rootKey = MessageKey.OriginalOf(input.MessageKey);
        var original = ctx.Find(rootKey) ?? ctx.Find(input.MessageKey)!;
        var number = ctx.Messages.Count(m => MessageKey.IsResend(m.Key) && MessageKey.OriginalOf(m.Key) == rootKey) + 1;
        var facts = new Dictionary<string, string>(original.Facts ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ResendOfFact] = rootKey,
            [RequestedByFact] = input.Requester,
        };
        var copy = original with
        {
            Key = MessageKey.Resend(rootKey, number),
            Status = MessageStatus.Scheduled,
            DecidedAt = ctx.Now,
            ScheduledFor = ctx.Now,
            Reason = null,
            Facts = facts,
            SentAt = null,
            ProviderMessageId = null,
            Error = null,
        };
        ctx.State = ctx.State with { ResendRequests = [.. ctx.State.ResendRequests, input.RequestId] };
        if (ctx.State.Completed && MessageRules.IsFeedback(copy.Intent))
        {
            // An ended timeline takes no more answers or cancellations, so feedback asked now could ignore them.
            ctx.Put(copy with { Status = MessageStatus.Suppressed, Reason = SuppressionReason.Superseded });
            return true;
        }
        MessagePlanner.Release(ctx, copy);
        return true;
    }
}
