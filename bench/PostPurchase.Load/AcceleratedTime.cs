namespace PostPurchase.Load;

/// <summary>
/// A business clock that runs <see cref="Factor"/> times faster than real time (14 400 = four simulated hours per real second),
/// so a timeline whose timers are days apart completes in seconds. Timers created on it fire after the scaled real delay;
/// timestamps (elapsed-time measurement) stay real.
/// </summary>
internal sealed class AcceleratedTime : TimeProvider
{
    private readonly DateTimeOffset _start;
    private readonly long _startTimestamp;

    public AcceleratedTime(DateTimeOffset start, double factor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(factor, 1);
        _start = start;
        Factor = factor;
        _startTimestamp = System.GetTimestamp();
    }

    /// <summary>Simulated seconds per real second.</summary>
    public double Factor { get; }

    public override DateTimeOffset GetUtcNow() => _start + Simulated(System.GetElapsedTime(_startTimestamp));

    /// <summary>A simulated span expressed in real time.</summary>
    public TimeSpan Real(TimeSpan simulated) => TimeSpan.FromTicks((long)(simulated.Ticks / Factor));

    /// <summary>A real span expressed in simulated time.</summary>
    public TimeSpan Simulated(TimeSpan real) => TimeSpan.FromTicks((long)(real.Ticks * Factor));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(this, System.CreateTimer(callback, state, Scale(dueTime), Scale(period)));

    private TimeSpan Scale(TimeSpan simulated) => simulated == Timeout.InfiniteTimeSpan ? simulated : Real(simulated);

    private sealed class ScaledTimer(AcceleratedTime owner, ITimer inner) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(owner.Scale(dueTime), owner.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
