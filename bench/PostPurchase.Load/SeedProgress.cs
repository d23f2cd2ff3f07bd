namespace PostPurchase.Load;

/// <summary>Prints how far seeding got, at the rate of the last step (does it slow as the table grows?) and overall.</summary>
internal sealed class SeedProgress(int from)
{
    private readonly Lock _gate = new();
    private readonly int _from = from;
    private TimeSpan _lastElapsed;
    private int _lastSeeded = from;

    /// <summary>Prints one progress line for <paramref name="seeded"/> orders after <paramref name="elapsed"/>.</summary>
    public void Report(int seeded, TimeSpan elapsed)
    {
        lock (_gate)
        {
            var step = (seeded - _lastSeeded) / Math.Max((elapsed - _lastElapsed).TotalSeconds, 0.001);
            Console.WriteLine($"  seeded {seeded} finished orders: {step:F0} orders/s over the last {seeded - _lastSeeded}, " +
                $"{(seeded - _from) / elapsed.TotalSeconds:F0} orders/s over {elapsed.TotalSeconds:F0} s, load average {File.ReadAllText("/proc/loadavg")[..14]}");
            (_lastElapsed, _lastSeeded) = (elapsed, seeded);
        }
    }
}
