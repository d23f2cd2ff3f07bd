using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Tests.Policies;

public class ReviewTimingTests
{
    private static OrderItem Item(string sku, string category) => new(sku, sku, category, 1, 1m);

    [Theory]
    [InlineData("skincare", 28)]
    [InlineData("Beauty", 28)]
    [InlineData("apparel", 7)]
    [InlineData("shoes", 7)]
    [InlineData("electronics", 14)]
    [InlineData("furniture", 14)]
    [InlineData("food", 3)]
    [InlineData("books", 14)]
    [InlineData("toys", 7)]
    [InlineData("garden tools", 10)]
    [InlineData("Home & Garden", 14)]
    [InlineData("Women / Shoes", 7)]
    public void DaysFor_Category_Default(string category, int days) =>
        Assert.Equal(days, ReviewTiming.DaysFor(Item("X", category), new ReviewPolicy()));

    [Fact]
    public void DaysFor_SkuOverride_WinsOverCategory()
    {
        var policy = new ReviewPolicy { SkuDays = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = 45 } };
        Assert.Equal(45, ReviewTiming.DaysFor(Item("serum-30", "skincare"), policy));
    }

    [Fact]
    public void DaysFor_MixedOrder_Longest()
    {
        var items = new[] { Item("TEE", "apparel"), Item("SERUM", "skincare"), Item("COOKIE", "food") };
        Assert.Equal(28, ReviewTiming.DaysFor(items, new ReviewPolicy()));
        Assert.Equal(["TEE", "SERUM", "COOKIE"], ReviewTiming.SkusAsked(items));
    }
}
