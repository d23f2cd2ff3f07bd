namespace PostPurchase.Infrastructure.Runtime;

/// <summary>The times the outbox sweep must run before its regular interval: retries falling due and claims whose lease runs out.</summary>
internal sealed class SweepSchedule
{
    private readonly Lock _gate = new();
    private readonly SortedSet<long> _due = [];
    private TaskCompletionSource _earlier = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The earliest time noted and not yet swept.</summary>
    public DateTimeOffset? Earliest
    {
        get { lock (_gate) { return _due.Count == 0 ? null : new DateTimeOffset(_due.Min, TimeSpan.Zero); } }
    }

    /// <summary>Completes once a time earlier than every time noted so far is noted, so a sleeping sweep can wake sooner.</summary>
    public Task EarlierNoted
    {
        get { lock (_gate) { return _earlier.Task; } }
    }

    /// <summary>Asks for a sweep at <paramref name="at"/>.</summary>
    public void Note(DateTimeOffset at)
    {
        TaskCompletionSource? wake = null;
        lock (_gate)
        {
            if (_due.Count == 0 || at.UtcTicks < _due.Min)
            {
                wake = _earlier;
                _earlier = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _due.Add(at.UtcTicks);
        }

        wake?.TrySetResult();
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
