using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Api;

/// <summary>Builds the API's views of an order from its read model.</summary>
public static class OrderViews
{
    /// <summary>The order with status, expected delivery, timeline and next step.</summary>
    public static OrderView Order(OrderSnapshot snapshot, string trackingUrl)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var state = snapshot.State;
        var events = state.Events.Select(e => new TimelineEntry(
            e.OccurredAt, TimelineEntryKind.TrackingEvent, e.TrackingNumber, e.Status, e.Description, e.Location));
        var messages = Messages(snapshot).Select(m => new TimelineEntry(
            m.SentAt ?? m.ScheduledFor, TimelineEntryKind.Message, Intent: m.Intent, Channel: m.Channel,
            MessageStatus: m.Status, Reason: m.Reason));
        var timeline = events.Concat(messages).OrderBy(e => e.At).ToList();
        return new OrderView(
            state.Order.OrderId, state.Status, ExpectedDelivery(state), trackingUrl, state.Completed,
            state.Order, state.Parcels, timeline, Next(state), state.Replies);
    }

    /// <summary>Every message, rendered ones with their subject and body, in the order they were scheduled.</summary>
    public static IReadOnlyList<MessageView> Messages(OrderSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var logged = snapshot.Messages.ToDictionary(r => r.Message.Key, StringComparer.Ordinal);
        var decided = snapshot.State.Messages.ToDictionary(m => m.Key, StringComparer.Ordinal);
        var keys = snapshot.Messages.Select(r => r.Message.Key).Concat(decided.Keys).Distinct(StringComparer.Ordinal);
        return keys
            .Select(key => View(Latest(logged.GetValueOrDefault(key)?.Message, decided.GetValueOrDefault(key)), logged.GetValueOrDefault(key)))
            .OrderBy(m => m.SentAt ?? m.ScheduledFor)
            .ThenBy(m => m.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Delivered: when. Otherwise the latest estimate of an undelivered parcel, else the promise.</summary>
    public static DateTimeOffset? ExpectedDelivery(TimelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.DeliveredAt is { } delivered)
        {
            return delivered;
        }
        var estimates = state.Parcels
            .Where(p => p.Status != TrackingStatus.Delivered && p.CarrierEstimate is not null)
            .Select(p => p.CarrierEstimate!.Value)
            .ToList();
        return estimates.Count > 0 ? estimates.Max() : state.Order.Promise.DeliverBy;
    }

    /// <summary>The earliest scheduled message when it is due by the next wake-up, else the wake-up itself.</summary>
    public static NextStep? Next(TimelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Completed || state.NextWakeAt is not { } wake)
        {
            return null;
        }
        var message = state.Messages
            .Where(m => m.Status == MessageStatus.Scheduled && m.ScheduledFor <= wake)
            .OrderBy(m => m.ScheduledFor)
            .FirstOrDefault();
        return message is null
            ? new NextStep(wake, NextStepKind.Check)
            : new NextStep(message.ScheduledFor, NextStepKind.Message, message.Intent, message.Channel);
    }

    // The log and the state are written at different moments; whichever has moved further wins.
    // The opening is only ever recorded by a decision, so it comes from the state whichever copy is newer.
    private static TimelineMessage Latest(TimelineMessage? logged, TimelineMessage? decided) =>
        logged is null ? decided! :
        decided is null ? logged :
        MessageStatusOrder.IsForward(logged.Status, decided.Status) ? decided : logged with { OpenedAt = logged.OpenedAt ?? decided.OpenedAt };

    private static MessageView View(TimelineMessage m, MessageRecord? record) => new(
        m.Key, m.Intent, m.Channel, m.To, m.Locale, record?.Subject, record?.Body, m.Status, m.Reason,
        m.ScheduledFor, m.SentAt, m.DecidedAt, m.ParcelKey, m.Error, m.SettingsVersion, m.OpenedAt);
}
