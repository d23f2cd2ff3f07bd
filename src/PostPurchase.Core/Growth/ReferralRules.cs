using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>The referral invitation: once, at the next growth hour after a CSAT of 4-5 or a used review link.</summary>
internal static class ReferralRules
{
    /// <summary>Fact holding the buyer's personal code (set when the message goes out).</summary>
    public const string CodeFact = "code";

    public static void Plan(DecisionContext ctx)
    {
        var state = ctx.State;
        var policy = ctx.Policy.Growth.Referral;
        if (!policy.Enabled || state.Buyer is null || ctx.HasIntent(Intent.ReferralInvite) || !OrderProgress.IsOpen(state.Status))
        {
            return;
        }
        var happy = state.CsatScore > ctx.Policy.Csat.LowScoreAtMost || (state.ReviewLinkUsed && !Suppression.IsLowScore(ctx));
        if (!happy || (state.Buyer.ReferralCode is null && policy.CodePool.Count == 0))
        {
            return;
        }
        var locale = state.Order.Customer.Locale;
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (policy.RewardText.TryGetValue(locale, out var reward) || policy.RewardText.TryGetValue("en", out reward))
        {
            facts["reward"] = reward;
        }
        MessagePlanner.Plan(ctx, Intent.ReferralInvite, LocalTimes.DaysLaterAtHour(ctx.Now, 0, ctx.Policy.Growth.LocalHour, ctx.Zone), facts);
    }

    /// <summary>The message with the buyer's code (the pool's, else the derived one) and the share link, as it goes out.</summary>
    public static TimelineMessage WithCode(DecisionContext ctx, TimelineMessage message)
    {
        var code = ctx.State.Buyer?.Activity.PoolCode ?? ctx.State.Buyer?.ReferralCode;
        if (code is null)
        {
            return message;
        }
        var facts = new Dictionary<string, string>(message.Facts ?? new Dictionary<string, string>(), StringComparer.Ordinal) { [CodeFact] = code };
        if (ctx.Policy.Growth.Referral.ShareUrlTemplate is { } template
            && template.Replace("{code}", Uri.EscapeDataString(code), StringComparison.Ordinal) is var url && ReorderLinks.IsWebUrl(url))
        {
            facts["shareUrl"] = url;
        }
        return message with { Facts = facts };
    }
}
