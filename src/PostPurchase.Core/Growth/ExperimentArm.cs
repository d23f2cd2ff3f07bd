namespace PostPurchase.Core.Growth;

/// <summary>One variant of a test: other words, another timing, with or without incentive, or nothing at all (holdout).</summary>
public sealed record ExperimentArm
{
    /// <summary>Its name, e.g. "control", "short-subject", "21-days".</summary>
    public string Name { get; init; } = "";

    /// <summary>Relative share of orders (1 = equal).</summary>
    public int Weight { get; init; } = 1;

    /// <summary>Orders in this arm get nothing of the tested message (recorded as <c>holdout</c>).</summary>
    public bool Holdout { get; init; }

    /// <summary>Days after delivery instead of the usual timing.</summary>
    public int? DelayDays { get; init; }

    /// <summary>Drops the incentive code (win-back).</summary>
    public bool WithoutIncentive { get; init; }

    /// <summary>Another incentive code for this arm (win-back).</summary>
    public string? IncentiveCode { get; init; }

    /// <summary>Message strings of this arm, Liquid like the built-in ones: "subject", "intro", ... for every locale, or "nl.subject" for one.</summary>
    public Dictionary<string, string> Strings { get; init; } = new(StringComparer.OrdinalIgnoreCase);
}
