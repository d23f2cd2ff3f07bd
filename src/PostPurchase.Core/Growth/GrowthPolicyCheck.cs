using System.Text.RegularExpressions;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>Every problem of a growth configuration, named by its setting, so a host refuses to start on a bad one instead of failing later.</summary>
public static partial class GrowthPolicyCheck
{
    private static readonly string[] ArmStringKeys = ["subject", "heading", "intro", "detail", "short", "sms", "cta", "list_title"];

    /// <summary>The problems; empty when the policy is good. Arm strings are also tried with <paramref name="composer"/> when given.</summary>
    public static IReadOnlyList<string> Problems(GrowthPolicy policy, MessageComposer? composer = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = new List<string>();
        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
        const string At = "PostPurchase:Policy:Growth";
        Check(policy.LocalHour is >= 0 and <= 23, $"{At}:LocalHour must be 0 to 23.");
        Check(policy.WeeklyMarketingCap >= 1, $"{At}:WeeklyMarketingCap must be at least 1.");
        Check(policy.CapWaitDays >= 0, $"{At}:CapWaitDays must be 0 or more.");
        Check(policy.AttributionWindowDays >= 1, $"{At}:AttributionWindowDays must be at least 1.");
        Check(policy.Replenishment.SkuDays.Values.Concat(policy.Replenishment.CategoryDays.Values).All(d => d >= 1), $"{At}:Replenishment days must be at least 1.");
        var reorder = policy.Replenishment.Reorder;
        Check(reorder.Kind is not (ReorderLinkKind.Shopify or ReorderLinkKind.WooCommerce) || ReorderLinks.IsWebUrl(reorder.ShopUrl),
            $"{At}:Replenishment:Reorder:ShopUrl must be the shop's absolute http(s) URL for {reorder.Kind} links.");
        Check(reorder.Kind != ReorderLinkKind.Template || ReorderLinks.IsWebUrl(reorder.UrlTemplate?.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal)),
            $"{At}:Replenishment:Reorder:UrlTemplate must be an absolute http(s) URL with {{sku}}, {{variant}} or {{qty}}.");
        Check(policy.WinBack.CategoryDays.Values.All(d => d >= 1) && policy.WinBack.DefaultDays is null or >= 1, $"{At}:WinBack days must be at least 1.");
        Check(policy.WinBack.OncePerDays >= 1, $"{At}:WinBack:OncePerDays must be at least 1.");
        Check(policy.Recommendations.Max >= 0, $"{At}:Recommendations:Max must be 0 or more.");
        foreach (var product in policy.Recommendations.BySku.Values.Concat(policy.Recommendations.ByCategory.Values).SelectMany(l => l))
        {
            Check(!string.IsNullOrWhiteSpace(product.Sku) && !string.IsNullOrWhiteSpace(product.Name) && ReorderLinks.IsWebUrl(product.Url),
                $"{At}:Recommendations: every product needs a Sku, a Name and an absolute http(s) Url ('{product.Sku}' does not).");
        }
        var referral = policy.Referral;
        Check(!referral.Enabled || !string.IsNullOrWhiteSpace(referral.CodePrefix),
            $"{At}:Referral:CodePrefix is required when referrals are on: codes are derived with it when the pool is empty or used up.");
        Check(referral.ShareUrlTemplate is null || ReorderLinks.IsWebUrl(referral.ShareUrlTemplate.Replace("{code}", "CODE", StringComparison.Ordinal)),
            $"{At}:Referral:ShareUrlTemplate must be an absolute http(s) URL (with {{code}}).");
        Experiments(policy.Experiments, composer, problems);
        return problems;
    }

    private static void Experiments(IReadOnlyList<Experiment> tests, MessageComposer? composer, List<string> problems)
    {
        const string At = "PostPurchase:Policy:Growth:Experiments";
        foreach (var duplicate in tests.GroupBy(t => t.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{At}: the id '{duplicate.Key}' is used twice.");
        }
        foreach (var intent in tests.Where(t => t.Enabled).GroupBy(t => t.Intent).Where(g => g.Count() > 1))
        {
            problems.Add($"{At}: tests {string.Join(", ", intent.Select(t => t.Id))} all vary {WireName.Of(intent.Key)}; at most one may run per message.");
        }
        foreach (var test in tests)
        {
            var at = $"{At} '{test.Id}'";
            if (!TestId().IsMatch(test.Id))
            {
                problems.Add($"{At}: every test needs an Id of letters, digits, '-' and '_' ('{test.Id}' is not one).");
            }
            if (MessageRules.PurposeOf(test.Intent) == MessagePurpose.Transactional)
            {
                problems.Add($"{at}: {WireName.Of(test.Intent)} is news about the order and is never tested; test a review, survey or promotion.");
            }
            if (test.Arms.Count == 0 || test.Arms.Sum(a => Math.Max(0, a.Weight)) <= 0 || test.Arms.Any(a => a.Weight < 0))
            {
                problems.Add($"{at}: needs arms with weights of 0 or more, and at least one above 0.");
            }
            if (test.Arms.Any(a => string.IsNullOrWhiteSpace(a.Name)) || test.Arms.Select(a => a.Name).Distinct(StringComparer.Ordinal).Count() != test.Arms.Count)
            {
                problems.Add($"{at}: every arm needs a name of its own.");
            }
            foreach (var arm in test.Arms)
            {
                ArmStrings(test, arm, composer, problems);
            }
        }
    }

    private static void ArmStrings(Experiment test, ExperimentArm arm, MessageComposer? composer, List<string> problems)
    {
        var at = $"PostPurchase:Policy:Growth:Experiments '{test.Id}' arm '{arm.Name}'";
        foreach (var key in arm.Strings.Keys)
        {
            var parts = key.Trim().ToLowerInvariant().Split('.');
            var valid = parts.Length switch
            {
                1 => ArmStringKeys.Contains(parts[0]),
                2 => LocaleFormat.Supported.Contains(parts[0]) && ArmStringKeys.Contains(parts[1]),
                _ => false,
            };
            if (!valid)
            {
                problems.Add($"{at}: '{key}' is not a string of a message; use {string.Join(", ", ArmStringKeys)}, optionally after a locale ('nl.subject').");
            }
        }
        if (composer is not null && arm.Strings.Count > 0 && composer.TryStrings(test.Intent, arm.Strings) is { } error)
        {
            problems.Add($"{at}: {error}");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex TestId();
}
