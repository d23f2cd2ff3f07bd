using System.Collections.Concurrent;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels.Acs;

namespace PostPurchase.Load.Http;

/// <summary>
/// The emails the baseline work must produce, each with what it is measured from: the webhook's answer for an event, the
/// due time for a timer, the intake's answer for the confirmation. The provider stub reports each send as it arrives.
/// </summary>
internal sealed class MessageLedger
{
    /// <summary>Messages a carrier event causes: accepted-to-sent is the event latency.</summary>
    public static readonly Intent[] EventMessages = [Intent.Shipped, Intent.OutForDelivery, Intent.Delivered];

    /// <summary>Messages a timer causes: sent minus due is the timer's lateness.</summary>
    public static readonly Intent[] TimerMessages = [Intent.DelayNotShipped, Intent.DelayOverdue];

    private readonly ConcurrentDictionary<string, Slot> _byOperation = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string OrderId, Intent Intent), Slot> _byMessage = new();
    private int _unexpected;

    public Percentiles EventLatency { get; } = new();

    public Percentiles TimerLateness { get; } = new();

    public Percentiles Confirmation { get; } = new();

    /// <summary>Sends the stub saw for no expected message.</summary>
    public int Unexpected => Volatile.Read(ref _unexpected);

    /// <summary>Expected messages not sent yet.</summary>
    public int Missing => _byMessage.Values.Count(s => !s.IsSent);

    /// <summary>Expected messages of <paramref name="intent"/> that were sent.</summary>
    public int SentOf(Intent intent) => _byMessage.Count(p => p.Key.Intent == intent && p.Value.IsSent);

    /// <summary>Registers the six emails of one order of the baseline work.</summary>
    public void Expect(string orderId, string trackingNumber)
    {
        foreach (var intent in new[] { Intent.OrderConfirmation }.Concat(EventMessages).Concat(TimerMessages))
        {
            var slot = new Slot(intent);
            _byMessage[(orderId, intent)] = slot;
            // Parcel messages carry the parcel in their key; which ones do is the decider's business, so both are registered.
            foreach (var key in new[] { MessageKey.For(orderId, intent, Channel.Email), MessageKey.For(orderId, intent, Channel.Email, ParcelKey.Of(trackingNumber)) })
            {
                _byOperation[AcsOperationId.For(key).ToString()] = slot;
            }
        }
    }

    /// <summary>When the message's cause happened: the webhook or intake was answered, or the timer was due.</summary>
    public void From(string orderId, Intent intent, DateTimeOffset at) => Record(_byMessage[(orderId, intent)], reference: at, sent: null);

    /// <summary>The stub received the send of <paramref name="operationId"/> at <paramref name="at"/>.</summary>
    public void Sent(string operationId, DateTimeOffset at)
    {
        if (_byOperation.TryGetValue(operationId, out var slot))
        {
            Record(slot, reference: null, sent: at);
        }
        else
        {
            Interlocked.Increment(ref _unexpected);
        }
    }

    private void Record(Slot slot, DateTimeOffset? reference, DateTimeOffset? sent)
    {
        lock (slot)
        {
            slot.Reference ??= reference;
            slot.SentAt ??= sent;
            if (slot.Reference is not { } from || slot.SentAt is not { } to || slot.Measured)
            {
                return;
            }
            slot.Measured = true;
            // A message can reach the provider before the webhook's answer reaches the driver: that counts as no delay.
            var milliseconds = Math.Max(0, (to - from).TotalMilliseconds);
            (slot.Intent == Intent.OrderConfirmation ? Confirmation : TimerMessages.Contains(slot.Intent) ? TimerLateness : EventLatency).Add(milliseconds);
        }
    }

    private sealed class Slot(Intent intent)
    {
        public Intent Intent { get; } = intent;

        public DateTimeOffset? Reference { get; set; }

        public DateTimeOffset? SentAt { get; set; }

        public bool Measured { get; set; }

        public bool IsSent
        {
            get
            {
                lock (this)
                {
                    return SentAt is not null;
                }
            }
        }
    }
}
