using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Testing;

/// <summary>Runs a timeline the way a runtime does: applies inputs at given times and honours every wake-up in between.</summary>
public sealed class TimelineDriver
{
    private readonly List<TimelineMessage> _sent = [];
    private readonly List<TimelineMessage> _suppressed = [];
    private readonly List<MerchantSignal> _signals = [];

    private TimelineDriver(TimelinePolicy policy) => Policy = policy;

    /// <summary>The policy every decision uses; a test may swap it mid-timeline, as a new settings version does.</summary>
    public TimelinePolicy Policy { get; set; }

    /// <summary>The state after the last decision.</summary>
    public TimelineState State { get; private set; } = null!;

    /// <summary>The time of the last decision.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>The last decision.</summary>
    public Decision Last { get; private set; } = null!;

    /// <summary>Every message handed out to send, in order, with the time it was handed out.</summary>
    public IReadOnlyList<TimelineMessage> Sent => _sent;

    /// <summary>Every message recorded as suppressed.</summary>
    public IReadOnlyList<TimelineMessage> Suppressed => _suppressed;

    /// <summary>Every merchant signal raised.</summary>
    public IReadOnlyList<MerchantSignal> Signals => _signals;

    /// <summary>When each sent message was handed out (its key to the decision time).</summary>
    public Dictionary<string, DateTimeOffset> SentAt { get; } = new(StringComparer.Ordinal);

    /// <summary>Places the order at its PlacedAt time; with <paramref name="buyer"/>, as a runtime that keeps buyer profiles does.</summary>
    public static TimelineDriver Place(Order order, TimelinePolicy? policy = null, BuyerFacts? buyer = null)
    {
        var driver = new TimelineDriver(policy ?? TimelinePolicy.Default);
        driver.Apply(new OrderPlaced(order, buyer), order.PlacedAt);
        return driver;
    }

    /// <summary>Replaces the buyer's cross-order activity, as a runtime does after reading the buyer ledger.</summary>
    public TimelineDriver Refresh(BuyerActivity activity)
    {
        State = OrderTimeline.WithBuyerActivity(State, activity);
        return this;
    }

    /// <summary>Runs every wake-up up to <paramref name="at"/>, then applies <paramref name="input"/> at that time.</summary>
    public Decision At(DateTimeOffset at, TimelineInput input)
    {
        RunUntil(at);
        return Apply(input, at);
    }

    /// <summary>Runs every wake-up due up to and including <paramref name="until"/>.</summary>
    public TimelineDriver RunUntil(DateTimeOffset until)
    {
        while (State.NextWakeAt is { } wake && wake <= until)
        {
            Apply(new WakeUp(), wake);
        }
        return this;
    }

    /// <summary>Runs every wake-up until the timeline completes (or a year passes).</summary>
    public TimelineDriver RunToEnd() => RunUntil(Now.AddYears(1));

    /// <summary>A carrier event for the order's first (or named) parcel at <paramref name="at"/>.</summary>
    public Decision Scan(DateTimeOffset at, TrackingStatus status, string? trackingNumber = null, DateTimeOffset? estimate = null, string? eventId = null)
    {
        var parcel = trackingNumber ?? State.Parcels[0].TrackingNumber;
        var carrier = State.Parcels.FirstOrDefault(p => p.Key == ParcelKey.Of(parcel))?.Carrier ?? "postnl";
        return At(at, new TrackingUpdated(new TrackingEvent("aftership", eventId ?? Some.EventId(), carrier, parcel, status, status.ToString(), at,
            Description: $"Carrier says {status}", Location: "Amsterdam", CarrierEstimate: estimate)));
    }

    /// <summary>Sent messages of one intent.</summary>
    public IReadOnlyList<TimelineMessage> SentOf(Intent intent) => _sent.Where(m => m.Intent == intent).ToList();

    /// <summary>The message with this intent and channel that went out (fails when none or several did).</summary>
    public TimelineMessage Single(Intent intent, Channel channel = Channel.Email) =>
        _sent.Single(m => m.Intent == intent && m.Channel == channel);

    /// <summary>Applies one input at <paramref name="at"/> without running wake-ups first.</summary>
    public Decision Apply(TimelineInput input, DateTimeOffset at)
    {
        Last = OrderTimeline.Decide(State, input, at, Policy);
        State = Last.State;
        Now = at;
        foreach (var message in Last.Messages)
        {
            if (message.Status == MessageStatus.Pending)
            {
                _sent.Add(message);
                SentAt[message.Key] = at;
            }
            else
            {
                _suppressed.Add(message);
            }
        }
        _signals.AddRange(Last.Signals);
        return Last;
    }
}
