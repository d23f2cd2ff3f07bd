namespace PostPurchase.Core.Timeline;

/// <summary>A pending message the runtime held back at send time (quiet hours began meanwhile) goes back to the schedule.</summary>
internal static class SendDeferralRules
{
    /// <summary>Schedules the message again for <see cref="MessageSendDeferred.Until"/>; false when it is no longer pending (sent or settled meanwhile).</summary>
    public static bool Apply(DecisionContext ctx, MessageSendDeferred input)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(input.MessageKey);
        var message = ctx.Find(input.MessageKey)
            ?? throw new ArgumentException($"Order '{ctx.OrderId}' has no message '{input.MessageKey}'.", nameof(input));
        if (message.Status != MessageStatus.Pending)
        {
            return false;
        }
        // Released again at that time, the message meets consent, quiet hours and the caps as they are then.
        ctx.Put(message with { Status = MessageStatus.Scheduled, ScheduledFor = input.Until > ctx.Now ? input.Until : ctx.Now });
        return true;
    }
}
