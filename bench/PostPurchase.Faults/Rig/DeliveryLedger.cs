using System.Collections.Concurrent;
using System.Diagnostics;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// What the provider stand-ins delivered, by message key: a key delivered twice is a duplicate the buyer would see. Requests
/// repeated under an id the provider deduplicates (ACS's Operation-Id) are counted apart: they cost a request, not a second email.
/// </summary>
internal sealed class DeliveryLedger
{
    private readonly ConcurrentDictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _byContent = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<long> _times = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _when = new(StringComparer.Ordinal);
    private long _repeats;
    private long _refused;

    /// <summary>Messages delivered (each key once).</summary>
    public int Delivered => _byKey.Count;

    /// <summary>Keys delivered more than once, plus the same content delivered to the same recipient under two keys.</summary>
    public int Duplicates => _byKey.Values.Count(n => n > 1) + _byContent.Values.Count(n => n > 1);

    /// <summary>Requests for a send the provider already had (deduplicated by its id: no second delivery).</summary>
    public long Repeats => Interlocked.Read(ref _repeats);

    /// <summary>Sends refused by the stand-in's behaviour (429, 503) or while it was down (not counted: never arrived).</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Whether the message with <paramref name="key"/> reached its provider.</summary>
    public bool Has(string key) => _byKey.ContainsKey(key);

    /// <summary>Records a delivery; <paramref name="content"/> identifies what the buyer sees (recipient and subject or text).</summary>
    public void Deliver(string key, string content)
    {
        _byKey.AddOrUpdate(key, 1, static (_, n) => n + 1);
        _byContent.AddOrUpdate(content, 1, static (_, n) => n + 1);
        _times.Enqueue(Stopwatch.GetTimestamp());
        _when.GetOrAdd(key, _ => new()).Enqueue(TimeProvider.System.GetUtcNow());
    }

    public void Repeat() => Interlocked.Increment(ref _repeats);

    public void Refuse() => Interlocked.Increment(ref _refused);

    /// <summary>Deliveries between two timestamps (<see cref="Stopwatch.GetTimestamp"/>).</summary>
    public int DeliveredBetween(long from, long to) => _times.Count(t => t >= from && t < to);

    /// <summary>When the first delivery at or after <paramref name="from"/> arrived (a <see cref="Stopwatch.GetTimestamp"/>), if any did.</summary>
    public long? FirstDeliveredAfter(long from) => _times.Where(t => t >= from).Select(t => (long?)t).Min();

    /// <summary>The keys delivered more than once (for the report).</summary>
    public IReadOnlyList<string> DuplicateKeys() => [.. _byKey.Where(p => p.Value > 1).Select(p => p.Key)];

    /// <summary>Each key delivered more than once, with the times (UTC) it arrived, to be found in the runtime's log.</summary>
    public IEnumerable<string> DuplicatesWithTimes() =>
        DuplicateKeys().Select(k => $"{k} at {string.Join(", ", _when.GetValueOrDefault(k)?.Select(t => t.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture)) ?? [])}");
}
