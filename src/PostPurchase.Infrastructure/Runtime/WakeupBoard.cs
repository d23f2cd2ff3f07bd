using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>Wake-ups due soon, in memory, ordered by due time; fed by the index poll and by this process's own decisions.</summary>
internal sealed class WakeupBoard
{
    private readonly Lock _gate = new();
    private readonly PriorityQueue<Wakeup, DateTimeOffset> _queue = new();
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count
    {
        get { lock (_gate) { return _queue.Count; } }
    }

    public void Add(Wakeup wakeup)
    {
        lock (_gate)
        {
            if (!_known.Add(Id(wakeup)))
            {
                return;
            }

            _queue.Enqueue(wakeup, wakeup.DueAt);
            _changed.TrySetResult();
            _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Removes and returns every wake-up due at or before <paramref name="now"/>; they stay known (not re-added by a poll) until forgotten.</summary>
    public IReadOnlyList<Wakeup> TakeDue(DateTimeOffset now)
    {
        var due = new List<Wakeup>();
        lock (_gate)
        {
            while (_queue.TryPeek(out var next, out var at) && at <= now)
            {
                _queue.Dequeue();
                due.Add(next);
            }
        }

        return due;
    }

    /// <summary>Lets a polled row be added again: call once it is deleted, or when firing it failed and it must come back.</summary>
    public void Forget(IEnumerable<Wakeup> wakeups)
    {
        lock (_gate)
        {
            foreach (var wakeup in wakeups)
            {
                _known.Remove(Id(wakeup));
            }
        }
    }

    public DateTimeOffset? NextDue
    {
        get { lock (_gate) { return _queue.TryPeek(out _, out var at) ? at : null; } }
    }

    /// <summary>Completes when a wake-up is added.</summary>
    public Task Changed
    {
        get { lock (_gate) { return _changed.Task; } }
    }

    private static string Id(Wakeup wakeup) => wakeup.Bucket + "/" + wakeup.RowKey;
}
