namespace PostPurchase.Infrastructure.Studio;

/// <summary><c>PostPurchase:Studio</c>: how fast a saved version reaches every process, and the test-send limit.</summary>
public sealed class StudioOptions
{
    /// <summary>How long a process keeps the version in force before it checks for a newer one (one storage read).</summary>
    public int RefreshSeconds { get; set; } = 5;

    /// <summary>Test sends allowed per hour (all channels together), so a studio session cannot become a spam cannon.</summary>
    public int TestSendsPerHour { get; set; } = 10;
}
