using System.Globalization;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard.Experiments;

/// <summary>One A/B test's figures per arm, computed from the orders' snapshots, and each arm judged against the control.</summary>
public sealed record ExperimentReport(Experiment Test, IReadOnlyList<ArmStats> Arms, IReadOnlyList<ArmComparison> Comparisons)
{
    /// <summary>p below this counts as a real difference (95 % confidence).</summary>
    public const double Significance = 0.05;

    /// <summary>Computes the report; arms no longer configured but holding orders are listed after the configured ones.</summary>
    public static ExperimentReport Compute(Experiment test, IEnumerable<OrderSnapshot> orders, int attributionWindowDays)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(orders);
        var window = TimeSpan.FromDays(attributionWindowDays);
        var byArm = orders
            .Select(o => (Snapshot: o, Arm: o.State.Experiments.FirstOrDefault(a => a.Experiment == test.Id)?.Arm))
            .Where(x => x.Arm is not null)
            .GroupBy(x => x.Arm!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(x => x.Snapshot).ToList(), StringComparer.Ordinal);
        var names = test.Arms.Select(a => a.Name).Concat(byArm.Keys.Order(StringComparer.Ordinal)).Distinct(StringComparer.Ordinal);
        var arms = names.Select(name => Stats(test, name, byArm.GetValueOrDefault(name) ?? [], window)).ToList();
        var control = arms.FirstOrDefault();
        var comparisons = control is null ? [] : arms.Skip(1).Select(arm => Compare(test, arm, control)).ToList();
        return new ExperimentReport(test, arms, comparisons);
    }

    /// <summary>How many exposed orders converted on the test's goal.</summary>
    public static int Conversions(ExperimentGoal goal, ArmStats arm) => goal switch
    {
        ExperimentGoal.Click => arm.Clicks,
        ExperimentGoal.Review => arm.Reviews,
        _ => arm.Reorders,
    };

    private static ArmStats Stats(Experiment test, string arm, List<OrderSnapshot> orders, TimeSpan window)
    {
        int exposed = 0, sends = 0, opens = 0, clicks = 0, reviews = 0, reorders = 0;
        var revenue = new SortedDictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var order in orders)
        {
            var tested = order.Messages.Select(m => m.Message).Where(m => m.Intent == test.Intent && !MessageKey.IsResend(m.Key)).ToList();
            var reached = tested.Where(m => m.Status is not (MessageStatus.Scheduled or MessageStatus.Suppressed) || m.Reason == SuppressionReason.Holdout).ToList();
            if (reached.Count == 0)
            {
                continue;
            }
            exposed++;
            var from = reached.Min(m => m.ScheduledFor);
            var keys = tested.Select(m => m.Key).ToHashSet(StringComparer.Ordinal);
            var state = order.State;
            sends += tested.Count(m => m.Status is MessageStatus.Sent or MessageStatus.Delivered);
            // Read receipts are recorded by the decider: the state knows them, the message log's rows may not.
            opens += tested.Count(m => m.OpenedAt is not null || state.Messages.Any(d => d.Key == m.Key && d.OpenedAt is not null));
            clicks += state.Clicks.Any(c => c.MessageKey is not null && keys.Contains(c.MessageKey)) ? 1 : 0;
            reviews += state.ReviewLinkUsed ? 1 : 0;
            var earned = state.Reorders.Where(r => r.PlacedAt >= from && r.PlacedAt <= from + window).ToList();
            reorders += earned.Count > 0 ? 1 : 0;
            foreach (var reorder in earned.Where(r => r.Attributed))
            {
                revenue[reorder.Currency] = revenue.GetValueOrDefault(reorder.Currency) + reorder.Total;
            }
        }
        var holdout = test.Arms.FirstOrDefault(a => a.Name == arm)?.Holdout ?? false;
        return new ArmStats(arm, holdout, orders.Count, exposed, sends, opens, clicks, reviews, reorders, revenue);
    }

    private static ArmComparison Compare(Experiment test, ArmStats arm, ArmStats control)
    {
        var goal = test.GoalOrDefault;
        var (x1, n1, x2, n2) = (Conversions(goal, arm), arm.Exposed, Conversions(goal, control), control.Exposed);
        var rate = n1 == 0 ? 0 : (double)x1 / n1;
        var controlRate = n2 == 0 ? 0 : (double)x2 / n2;
        var p = TwoProportionTest.PValue(x1, n1, x2, n2);
        var real = p is < Significance;
        var what = WireName.Of(goal);
        var sentence = p switch
        {
            null => $"Too early to tell: {arm.Arm} has {n1} and {control.Arm} {n2} orders that reached the message, with {x1} and {x2} converting ({what}); keep the test running.",
            _ when real => $"The difference is real: {arm.Arm} converts {Percent(rate)} against {Percent(controlRate)} for {control.Arm} ({what}, {P(p.Value)}).",
            _ => $"No real difference yet: {arm.Arm} converts {Percent(rate)} against {Percent(controlRate)} for {control.Arm} ({what}, {P(p.Value)}); this could be chance, keep the test running.",
        };
        return new ArmComparison(arm.Arm, control.Arm, rate, controlRate, p, real, sentence);
    }

    private static string Percent(double rate) => rate.ToString("0.0%", CultureInfo.InvariantCulture);

    private static string P(double p) => p < 0.001 ? "p < 0.001" : "p = " + p.ToString("0.000", CultureInfo.InvariantCulture);
}
