using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Load;

/// <summary>
/// The load scenario's timeline: confirmation at intake, a message for shipped / out for delivery / delivered, and two timers
/// (survey, then review) a few seconds apart, so wake-up lateness is measured in real time. It writes the same kind of
/// state, messages and wake-ups as the real decider; the decider's own speed is measured by the decision benchmark.
/// </summary>
internal sealed class LoadTimeline(TimeSpan timerDelay)
{
    public Decision Decide(TimelineState? state, TimelineInput input, DateTimeOffset now, TimelinePolicy policy)
    {
        _ = policy;
        if (state is null)
        {
            var placed = input as OrderPlaced ?? throw new ArgumentException("The first input must be order-placed.", nameof(input));
            var first = new TimelineState
            {
                Order = placed.Order,
                Consent = new ConsentState(false, false, false, false, false, []),
                NextWakeAt = now + timerDelay,
                Version = 1,
            };
            return With(first, now, Intent.OrderConfirmation, essential: true);
        }

        var next = state with { Version = state.Version + 1 };
        switch (input)
        {
            case TrackingUpdated { Event: var e } when state.Events.Any(x => x.EventId == e.EventId && x.Provider == e.Provider):
                return new Decision(next, [], []);
            case TrackingUpdated { Event: var e }:
                next = next with { Events = [.. state.Events, e] };
                var intent = e.Status switch
                {
                    TrackingStatus.InTransit when state.Events.All(x => x.Status != TrackingStatus.InTransit) => Intent.Shipped,
                    TrackingStatus.OutForDelivery => Intent.OutForDelivery,
                    TrackingStatus.Delivered => Intent.Delivered,
                    _ => (Intent?)null,
                };
                return intent is { } say ? With(next, now, say, essential: false) : new Decision(next, [], []);
            case CsatAnswered answered:
                return new Decision(next with { CsatScore = answered.Score }, [], []);
            case WakeUp when state.Messages.All(m => m.Intent != Intent.CsatSurvey):
                return With(next with { NextWakeAt = now + timerDelay }, now, Intent.CsatSurvey, essential: false);
            case WakeUp:
                return With(next with { NextWakeAt = null, Completed = true }, now, Intent.ReviewRequest, essential: false);
            default:
                return new Decision(next, [], []);
        }
    }

    private static Decision With(TimelineState state, DateTimeOffset now, Intent intent, bool essential)
    {
        var order = state.Order;
        var message = new TimelineMessage(
            MessageKey.For(order.OrderId, intent, Channel.Email), intent, Channel.Email, order.Customer.Email, order.Customer.Locale,
            MessagePurpose.Transactional, essential, MessageStatus.Pending, now, now);
        return new Decision(state with { Messages = [.. state.Messages, message] }, [message], []);
    }
}
