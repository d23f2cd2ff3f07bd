namespace PostPurchase.Core.Policies;

/// <summary>Thresholds for the proactive delay alerts.</summary>
public sealed record DelayPolicy
{
    /// <summary>In transit with no scan for this many days raises <c>delay-no-scan</c>.</summary>
    public int NoScanDays { get; init; } = 3;

    /// <summary>The carrier estimate must be at least this many hours past deliver-by to raise <c>delay-estimate-slipped</c>.</summary>
    public int EstimateSlipMarginHours { get; init; } = 12;

    /// <summary>Hours after ship-by before <c>delay-not-shipped</c> goes out (carriers scan late in the evening).</summary>
    public int NotShippedGraceHours { get; init; }

    /// <summary>Hours after deliver-by before <c>delay-overdue</c> goes out.</summary>
    public int OverdueGraceHours { get; init; }
}
