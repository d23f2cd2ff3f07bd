using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>Applies A/B tests while messages are planned: the order's arm, its words, timing and incentive, and the holdout.</summary>
internal static class ExperimentRules
{
    /// <summary>Fact naming the test a message belongs to.</summary>
    public const string ExperimentFact = "experiment";

    /// <summary>Fact naming the arm.</summary>
    public const string ArmFact = "arm";

    /// <summary>Fact set on messages of a holdout arm: planned, recorded, never sent.</summary>
    public const string HoldoutFact = "holdout";

    /// <summary>Prefix of facts that replace a locale string for this message ("t.subject", "t.nl.subject").</summary>
    public const string StringFactPrefix = "t.";

    /// <summary>The order's test and arm for <paramref name="intent"/>; assigns (and remembers) the arm on first use.</summary>
    public static (Experiment Test, ExperimentArm Arm)? ArmFor(DecisionContext ctx, Intent intent)
    {
        if (ctx.Policy.Growth.Experiments.Count == 0)
        {
            return null;
        }
        var tests = ctx.Policy.Growth.Experiments.Where(e => e.Intent == intent && e.Arms.Count > 0).ToList();
        foreach (var test in tests)
        {
            var assigned = ctx.State.Experiments.FirstOrDefault(a => a.Experiment == test.Id);
            if (assigned is not null)
            {
                // An arm removed from the configuration leaves its orders out of the test from then on.
                return test.Arms.FirstOrDefault(a => a.Name == assigned.Arm) is { } kept ? (test, kept) : null;
            }
        }
        var running = tests.FirstOrDefault(e => e.Enabled);
        if (running is null)
        {
            return null;
        }
        var arm = ArmAssignment.Pick(running, ctx.OrderId);
        ctx.State = ctx.State with { Experiments = [.. ctx.State.Experiments, new ExperimentAssignment(running.Id, arm.Name)] };
        return (running, arm);
    }

    /// <summary>Days after delivery the order's arm sets for <paramref name="intent"/>; null for the usual timing.</summary>
    public static int? DelayDays(DecisionContext ctx, Intent intent) => ArmFor(ctx, intent)?.Arm.DelayDays;

    /// <summary>The facts with the order's test, arm, holdout mark and the arm's strings added; unchanged without a test.</summary>
    public static IReadOnlyDictionary<string, string>? Decorate(DecisionContext ctx, Intent intent, IReadOnlyDictionary<string, string>? facts)
    {
        if (ArmFor(ctx, intent) is not { } found)
        {
            return facts;
        }
        var (test, arm) = found;
        var decorated = new Dictionary<string, string>(facts ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ExperimentFact] = test.Id,
            [ArmFact] = arm.Name,
        };
        if (arm.Holdout)
        {
            decorated[HoldoutFact] = "true";
        }
        foreach (var (key, value) in arm.Strings)
        {
            decorated[StringFactPrefix + key.Trim().ToLowerInvariant()] = value;
        }
        return decorated;
    }

    /// <summary><see cref="SuppressionReason.Holdout"/> for a message of a holdout arm.</summary>
    public static SuppressionReason? HoldoutReason(TimelineMessage message) =>
        message.Facts is not null && message.Facts.TryGetValue(HoldoutFact, out var holdout) && holdout == "true" ? SuppressionReason.Holdout : null;
}
