namespace PostPurchase.Infrastructure.Runtime;

/// <summary>The times the outbox sweep must run before its regular interval: retries falling due and claims whose lease runs out.</summary>
internal sealed class SweepSchedule
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _due = [];

    /// <summary>The earliest time noted and not yet swept.</summary>
    public DateTimeOffset? Earliest
    {
        get { lock (_gate) { return _due.Count == 0 ? null : new DateTimeOffset(_due.Min, TimeSpan.Zero); } }
    }

    /// <summary>Asks for a sweep at <paramref name="at"/>.</summary>
    public void Note(DateTimeOffset at)
    {
        lock (_gate)
        {
            _due.Add(at.UtcTicks);
        }
    }

    /// <summary>Forgets every time at or before <paramref name="now"/>: the sweep running now covers them.</summary>
    public void Forget(DateTimeOffset now)
    {
        lock (_gate)
        {
            _due.RemoveWhere(ticks => ticks <= now.UtcTicks);
        }
    }
}
