using System.Globalization;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>One win-back when the buyer has not ordered for the category's days after delivery; a later order cancels it.</summary>
internal static class WinBackRules
{
    public static void Plan(DecisionContext ctx)
    {
        var state = ctx.State;
        if (state.Buyer is null || state.DeliveredAt is not { } delivered || !OrderProgress.IsOpen(state.Status) || ctx.HasIntent(Intent.WinBack))
        {
            return;
        }
        var policy = ctx.Policy.Growth.WinBack;
        if (policy.CategoryDays.Count == 0 && policy.DefaultDays is null)
        {
            return;
        }
        var days = state.Order.Items.Min(i => CategoryLookup.TryFind(policy.CategoryDays, i.Category, out var d) ? d : policy.DefaultDays);
        if (days is null)
        {
            return;
        }
        var arm = ExperimentRules.ArmFor(ctx, Intent.WinBack)?.Arm;
        var wait = arm?.DelayDays ?? days.Value;
        var code = arm switch
        {
            { WithoutIncentive: true } => null,
            { IncentiveCode: { Length: > 0 } armCode } => armCode,
            _ => policy.IncentiveCode,
        };
        var facts = new Dictionary<string, string>(StringComparer.Ordinal) { ["days"] = wait.ToString(CultureInfo.InvariantCulture) };
        if (!string.IsNullOrWhiteSpace(code))
        {
            facts["incentiveCode"] = code;
        }
        if (policy.LandingUrl?.Replace("{code}", Uri.EscapeDataString(code ?? ""), StringComparison.Ordinal) is { } landing && ReorderLinks.IsWebUrl(landing))
        {
            facts["landingUrl"] = landing;
        }
        MessagePlanner.Plan(ctx, Intent.WinBack, LocalTimes.DaysLaterAtHour(delivered, wait, ctx.Policy.Growth.LocalHour, ctx.Zone), facts);
    }
}
