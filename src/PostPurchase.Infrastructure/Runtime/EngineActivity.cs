namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Work the background loops have taken on and not finished (inputs, wake-ups, send batches), counted from before the take:
/// a drain that finds nothing to do waits for it, because what a loop took is invisible to the drain until it is done.
/// </summary>
internal sealed class EngineActivity
{
    private int _busy;

    /// <summary>Pieces of work under way in the background loops.</summary>
    public int Busy => Volatile.Read(ref _busy);

    /// <summary>Counts one piece of work until the returned scope is disposed; call it before taking the work.</summary>
    public Scope Begin()
    {
        Interlocked.Increment(ref _busy);
        return new Scope(this);
    }

    /// <summary>Ends one piece of work.</summary>
    internal readonly struct Scope(EngineActivity owner) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref owner._busy);
    }
}
