namespace PostPurchase.Infrastructure.Time;

/// <summary>A clock that only moves when told to: the host's simulation mode (<c>PostPurchase:Clock=Simulated</c>).</summary>
public sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Moves time forward (never back) and returns the new time.</summary>
    public DateTimeOffset Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _now += by;
            return _now;
        }
    }
}
