using System.Collections.Concurrent;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Inputs this process accepted and has not applied yet (queued here, or being applied), each with the time it joined, so
/// admission control sees both how many wait and how long the oldest has waited.
/// </summary>
internal sealed class InputBacklog(TimeProvider time)
{
    // Keyed by the envelope instance: the same object travels from the queue to the worker to the applier.
    private readonly ConcurrentDictionary<InputEnvelope, DateTimeOffset> _waiting = new(ReferenceEqualityComparer.Instance);

    /// <summary>Inputs accepted and not applied yet.</summary>
    public int Count => _waiting.Count;

    /// <summary>Counts the input from now on; an input already counted keeps the time it joined.</summary>
    public void Track(InputEnvelope envelope) => _waiting.TryAdd(envelope, time.GetUtcNow());

    /// <summary>The input was applied (or handed back to the queue after a failure): it no longer waits here.</summary>
    public void Done(InputEnvelope envelope) => _waiting.TryRemove(envelope, out _);

    /// <summary>How long the input that joined first has waited so far; zero when nothing waits.</summary>
    public TimeSpan OldestWait()
    {
        var now = time.GetUtcNow();
        var oldest = now;
        // Enumerating the dictionary itself takes no lock (Values would lock it and copy).
        foreach (var (_, joined) in _waiting)
        {
            if (joined < oldest)
            {
                oldest = joined;
            }
        }

        return now - oldest;
    }
}
