using PostPurchase.Core.Growth;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;
using static PostPurchase.Core.Tests.Growth.GrowthSetup;

namespace PostPurchase.Core.Tests.Growth;

public class RecommendationsTests
{
    private static readonly RecommendedProduct Mask = new() { Sku = "MASK-50", Name = "Night mask 50 ml", Url = "https://shop.example/p/mask-50" };
    private static readonly RecommendedProduct Tee = new() { Sku = "TEE-M-BLK", Name = "Organic T-shirt", Url = "https://shop.example/p/tee" };
    private static readonly RecommendedProduct Cream = new() { Sku = "CREAM-15", Name = "Eye cream", Url = "https://shop.example/p/cream" };

    private static RecommendationPolicy Complements() => new()
    {
        BySku = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = [Tee, Mask] },
        ByCategory = new(StringComparer.OrdinalIgnoreCase) { ["skincare"] = [Mask, Cream], ["apparel"] = [Tee] },
        Max = 3,
    };

    [Fact]
    public void For_MixedOrder_SkuFirstThenCategoryNeverAnItemOfThisOrder()
    {
        var order = OrderBuilder.Skincare().WithItem("TEE-M-BLK", "Organic T-shirt", "Fashion > apparel", 1, 19.5m).Build();

        var products = Recommendations.For(order, Complements());

        Assert.Equal(["MASK-50", "CREAM-15"], products.Select(p => p.Sku));
    }

    [Fact]
    public void For_ProductWithoutWebUrl_IsLeftOut()
    {
        var policy = Complements() with { BySku = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = [Mask with { Url = "javascript:alert(1)" }] } };

        Assert.Equal(["CREAM-15"], Recommendations.For(OrderBuilder.Skincare().Build(), policy with { ByCategory = new(StringComparer.OrdinalIgnoreCase) { ["skincare"] = [Cream] } }).Select(p => p.Sku));
    }

    [Fact]
    public void Decide_Delivered_TheEmailCarriesTheRecommendations()
    {
        var timeline = Delivered(Policy(g => g with { Recommendations = Complements() }));

        var delivered = timeline.Single(Intent.Delivered);

        Assert.Equal(["TEE-M-BLK", "MASK-50", "CREAM-15"], Recommendations.FromFacts(delivered.Facts).Select(p => p.Sku));
    }

    [Fact]
    public void Resolve_RecommendationOfTheDeliveredEmailAndOfThePage_LeadToTheProduct()
    {
        var policy = Policy(g => g with { Recommendations = Complements() });
        var timeline = Delivered(policy);
        var links = new MessageLinks("https://shop.example/track/t");
        var delivered = timeline.Single(Intent.Delivered).Key;

        Assert.Equal(Mask.Url, LinkTargets.Resolve(timeline.State, delivered, "rec:MASK-50", links, policy.Growth.Recommendations));
        Assert.Equal(Cream.Url, LinkTargets.Resolve(timeline.State, null, "rec:CREAM-15", links, policy.Growth.Recommendations));
        Assert.Null(LinkTargets.Resolve(timeline.State, null, "rec:SERUM-30", links, policy.Growth.Recommendations));
        Assert.Null(LinkTargets.Resolve(timeline.State, "NOPE", "cta", links, policy.Growth.Recommendations));
    }

    [Fact]
    public void Resolve_ReminderButton_LeadsToTheReorderLink()
    {
        var policy = Policy();
        var timeline = Delivered(policy).RunToEnd();
        var reminder = timeline.Single(Intent.ReplenishmentReminder);

        var target = LinkTargets.Resolve(timeline.State, reminder.Key, "cta", new MessageLinks("https://shop.example/track/t"), policy.Growth.Recommendations);

        Assert.Equal("https://shop.example/cart/SERUM-30:1", target);
    }
}
