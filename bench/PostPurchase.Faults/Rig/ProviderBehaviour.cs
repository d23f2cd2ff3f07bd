namespace PostPurchase.Faults.Rig;

/// <summary>How a provider stand-in treats sends: how long it takes to answer, how often it refuses, its per-minute quota.</summary>
internal sealed class ProviderBehaviour
{
    private readonly Lock _gate = new();
    private readonly Queue<long> _window = new();
    private int _refuseTurn;
    private long _quotaRefusedAt;
    private long _quotaPausedUntil;
    private long _earlyRetries;

    /// <summary>How long each send takes to be answered (the stand-in sleeps).</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>Share of sends answered 429 or 503 without being processed (0 to 1); alternates between the two.</summary>
    public double RefuseShare { get; set; }

    /// <summary>Whether every send is answered 503 without Retry-After (the service is up but failing); checked before the quota.</summary>
    public bool Unavailable { get; set; }

    /// <summary>Sends accepted per rolling minute; past it 429 with Retry-After, as ACS's quota answers. Null: no quota.</summary>
    public int? PerMinuteQuota { get; set; }

    /// <summary>Whether the stand-in reports delivery (ACS operation status Succeeded); false leaves operations running for ever.</summary>
    public bool ReportsStatus { get; set; } = true;

    /// <summary>
    /// Sends that arrived while the quota's Retry-After was still running, more than two seconds after the last 429 was
    /// answered (so not merely in flight when it came): a runtime that honours Retry-After sends none.
    /// </summary>
    public long EarlyRetries => Interlocked.Read(ref _earlyRetries);

    /// <summary>Notes the arrival of a send, before its latency, to check it against the last quota refusal.</summary>
    public void Arrive(long nowTicks)
    {
        lock (_gate)
        {
            if (nowTicks < _quotaPausedUntil && nowTicks > _quotaRefusedAt + (2 * TimeSpan.TicksPerSecond))
            {
                _earlyRetries++;
            }
        }
    }

    /// <summary>Decides the fate of one send: null to accept it, else the status and Retry-After seconds to refuse it with.</summary>
    public (int Status, int? RetryAfterSeconds)? Refusal(Random random, long nowTicks)
    {
        lock (_gate)
        {
            if (Unavailable)
            {
                return (503, null);
            }
            if (PerMinuteQuota is { } quota)
            {
                while (_window.Count > 0 && nowTicks - _window.Peek() >= TimeSpan.TicksPerMinute)
                {
                    _window.Dequeue();
                }
                if (_window.Count >= quota)
                {
                    var wait = TimeSpan.FromTicks(_window.Peek() + TimeSpan.TicksPerMinute - nowTicks);
                    _quotaRefusedAt = nowTicks;
                    _quotaPausedUntil = Math.Max(_quotaPausedUntil, nowTicks + (long)Math.Ceiling(wait.TotalSeconds) * TimeSpan.TicksPerSecond);
                    return (429, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
                }
            }
            if (RefuseShare > 0 && random.NextDouble() < RefuseShare)
            {
                return ++_refuseTurn % 2 == 0 ? (429, 2) : (503, null);
            }
            if (PerMinuteQuota is not null)
            {
                _window.Enqueue(nowTicks);
            }
            return null;
        }
    }
}
