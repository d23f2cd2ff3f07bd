using PostPurchase.Core.Growth;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Growth;

public class GrowthPolicyCheckTests
{
    private static readonly MessageComposer Composer = new(new Branding());

    [Fact]
    public void Problems_Defaults_None() => Assert.Empty(GrowthPolicyCheck.Problems(new GrowthPolicy(), Composer));

    [Fact]
    public void Problems_BadTests_NameEachOne()
    {
        var policy = new GrowthPolicy
        {
            Experiments =
            [
                new() { Id = "a", Intent = Intent.ReviewRequest, Arms = [new() { Name = "x" }, new() { Name = "x" }] },
                new() { Id = "b", Intent = Intent.ReviewRequest, Arms = [new() { Name = "y", Weight = 0 }] },
                new() { Id = "bad id!", Intent = Intent.Shipped, Arms = [new() { Name = "z", Strings = new() { ["footer"] = "x", ["nl.subject"] = "{{ order.numbr }}" } }] },
            ],
        };

        var problems = GrowthPolicyCheck.Problems(policy, Composer);

        Assert.Contains(problems, p => p.Contains("tests a, b all vary review-request", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'a': every arm needs a name of its own", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'b': needs arms with weights", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("('bad id!' is not one)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("shipped is news about the order", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'footer' is not a string of a message", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("arm 'z'", StringComparison.Ordinal) && p.Contains("t.nl.subject", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_ReferralWithoutPrefixAndShopifyWithoutShop_AreNamed()
    {
        var policy = new GrowthPolicy
        {
            Referral = new ReferralPolicy { Enabled = true, ShareUrlTemplate = "ftp://shop.example/{code}" },
            Replenishment = new ReplenishmentPolicy { Reorder = new ReorderLinkPolicy { Kind = ReorderLinkKind.Shopify } },
            Recommendations = new RecommendationPolicy { BySku = new() { ["A"] = [new() { Sku = "B", Name = "B", Url = "javascript:x" }] } },
        };

        var problems = GrowthPolicyCheck.Problems(policy);

        Assert.Contains(problems, p => p.StartsWith("PostPurchase:Policy:Growth:Referral:CodePrefix is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PostPurchase:Policy:Growth:Referral:ShareUrlTemplate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PostPurchase:Policy:Growth:Replenishment:Reorder:ShopUrl", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("('B' does not)", StringComparison.Ordinal));
    }
}
