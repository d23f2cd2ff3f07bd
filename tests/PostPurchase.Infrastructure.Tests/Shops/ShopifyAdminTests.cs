using Microsoft.Extensions.Time.Testing;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Infrastructure.Tests.Shops;

[Collection(AzuriteCollection.Name)]
public sealed class ShopifyAdminTests(AzuriteServer azurite)
{
    [Fact]
    public async Task ProductsAsync_Throttled_FailsAtOnceWithTheWaitAsked()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopify = new ShopifyAdminStub(ShopHarness.ShopifyToken, clock: time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopify: shopify);
        shopify.ThrottleNext("graphql:products", "2.0");

        var failure = await Assert.ThrowsAsync<ShopApiException>(() => shop.Get<ShopifyAdmin>().ProductsAsync(["8123456789012"], CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(2), failure.RetryAfter);
        Assert.Single(shopify.Calls);
    }

    [Fact]
    public async Task OrdersAsync_RestThrottledWithDecimalRetryAfter_WaitsExactlyThatLongAndAsksAgain()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopify = new ShopifyAdminStub(ShopHarness.ShopifyToken, clock: time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopify: shopify);
        shopify.AddOrder(ShopOrderSamples.Shopify(6200000000001, 4001, Some.Monday.AddHours(-1)));
        shopify.ThrottleNext("rest:orders", "2.0", """{"errors":"Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service."}""");

        var reading = shop.Get<ShopifyAdmin>().OrdersAsync(["6200000000001"], CancellationToken.None);
        await Eventually.TrueAsync(() => shopify.Calls.Count == 1);
        await Task.Delay(200);
        var early = shopify.Calls.Count;
        time.Advance(TimeSpan.FromSeconds(2));
        var orders = await reading;

        Assert.Equal(1, early);
        Assert.Equal("6200000000001", Assert.Single(orders).GetProperty("id").GetRawText());
        Assert.Equal(TimeSpan.FromSeconds(2), shopify.Calls[1].At - shopify.Calls[0].At);
    }

    [Fact]
    public async Task OrdersAsync_CancelledAndDeletedOrders_CancelledComesWithStatusAnyDeletedIsMissing()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopify = new ShopifyAdminStub(ShopHarness.ShopifyToken, clock: time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopify: shopify);
        var open = ShopOrderSamples.Shopify(6200000000002, 4002, Some.Monday.AddHours(-2));
        shopify.AddOrder(open);
        shopify.AddOrder(ShopOrderSamples.CancelledShopify(ShopOrderSamples.Shopify(6200000000003, 4003, Some.Monday.AddHours(-2)), Some.Monday.AddHours(-1)));

        var orders = await shop.Get<ShopifyAdmin>().OrdersAsync(["6200000000002", "6200000000003", "6200000000099"], CancellationToken.None);

        Assert.Equal(["6200000000002", "6200000000003"], orders.Select(o => o.GetProperty("id").GetRawText()).Order());
        Assert.Empty(shopify.Problems);
    }

    [Fact]
    public async Task ChangedOrdersAsync_WrongToken_FailsNamingTheSetting()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopify = new ShopifyAdminStub("shpat_another_app", clock: time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopify: shopify);

        var failure = await Assert.ThrowsAsync<ShopApiException>(() => shop.Get<ShopifyAdmin>().ChangedOrdersAsync(Some.Monday.AddDays(-1), null, CancellationToken.None));

        Assert.Contains("401", failure.Message, StringComparison.Ordinal);
        Assert.Contains("PostPurchase__Shops__Shopify__AdminToken", failure.Message, StringComparison.Ordinal);
    }
}
