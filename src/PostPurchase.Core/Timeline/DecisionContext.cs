using NodaTime;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Timeline;

/// <summary>The working copy of one decision: the state being built, the messages it touched, the signals it raised.</summary>
internal sealed class DecisionContext
{
    private readonly List<TimelineMessage> _messages;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _touched = [];
    private readonly HashSet<string> _touchedKeys = new(StringComparer.Ordinal);
    private readonly List<MerchantSignal> _signals = [];

    public DecisionContext(TimelineState state, DateTimeOffset now, TimelinePolicy policy)
    {
        State = state;
        Now = now;
        Policy = policy;
        Zone = LocalTimes.Zone(state.Order.Customer.TimeZone);
        Country = state.Order.ShippingAddress.Country;
        QuietRule = QuietHours.RuleFor(policy.QuietHours, Country);
        _messages = [.. state.Messages];
        for (var i = 0; i < _messages.Count; i++)
        {
            _index[_messages[i].Key] = i;
        }
    }

    public TimelineState State { get; set; }

    public DateTimeOffset Now { get; }

    public TimelinePolicy Policy { get; }

    public DateTimeZone Zone { get; }

    public string Country { get; }

    public QuietHoursRule QuietRule { get; }

    public string OrderId => State.Order.OrderId;

    public IReadOnlyList<TimelineMessage> Messages => _messages;

    public bool Has(string key) => _index.ContainsKey(key);

    public bool HasIntent(Intent intent) => _messages.Exists(m => m.Intent == intent);

    public TimelineMessage? Find(string key) => _index.TryGetValue(key, out var i) ? _messages[i] : null;

    /// <summary>Adds a new message or replaces the one with the same key, and marks it as set by this decision.</summary>
    public void Put(TimelineMessage message)
    {
        message = message with { SettingsVersion = Policy.SettingsVersion };
        if (_index.TryGetValue(message.Key, out var i))
        {
            _messages[i] = message;
        }
        else
        {
            _index[message.Key] = _messages.Count;
            _messages.Add(message);
        }
        if (_touchedKeys.Add(message.Key))
        {
            _touched.Add(message.Key);
        }
    }

    /// <summary>Replaces a message whose status came from outside (a provider report): kept in the state, not handed out again.</summary>
    public void Record(TimelineMessage message) => _messages[_index[message.Key]] = message;

    public void Signal(SignalKind kind, IReadOnlyDictionary<string, string> data) =>
        _signals.Add(new MerchantSignal(kind, OrderId, Now, data));

    public Decision ToDecision()
    {
        var state = State with { Messages = _messages.ToList() };
        var output = _touched
            .Select(key => _messages[_index[key]])
            .Where(m => m.Status is MessageStatus.Pending or MessageStatus.Suppressed)
            .ToList();
        return new Decision(state, output, _signals.ToList());
    }
}
