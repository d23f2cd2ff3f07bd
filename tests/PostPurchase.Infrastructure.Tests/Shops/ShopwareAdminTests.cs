using Microsoft.Extensions.Time.Testing;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Infrastructure.Tests.Shops;

[Collection(AzuriteCollection.Name)]
public sealed class ShopwareAdminTests(AzuriteServer azurite)
{
    private const string Known = "0190f3c2a1b27c3e9d5a4b6c7d8e0001";

    [Fact]
    public async Task OrdersAsync_TokenRevokedMeanwhile_AsksForANewTokenOnceAndReads()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopware = new ShopwareAdminStub(ShopHarness.ShopwareId, ShopHarness.ShopwareSecret, time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopware: shopware);
        shopware.AddOrder(ShopOrderSamples.Shopware(Known, "30001", Some.Monday.AddHours(-1)));
        var admin = shop.Get<ShopwareAdmin>();
        await admin.OrdersAsync([Known], CancellationToken.None);
        shopware.RevokeTokens();

        var orders = await admin.OrdersAsync([Known, "0190f3c2a1b27c3e9d5a4b6c7d8e0002"], CancellationToken.None);

        Assert.Equal("30001", Assert.Single(orders).Number);
        Assert.Equal(2, shopware.TokensIssued);
        Assert.Equal([200, 200, 401, 200, 200], shopware.Calls.Select(c => c.Status));
        Assert.Empty(shopware.Problems);
    }

    [Fact]
    public async Task OrdersAsync_Throttled_FailsAtOnceWithTheWaitAskedForTheWebhookToAnswer503()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopware = new ShopwareAdminStub(ShopHarness.ShopwareId, ShopHarness.ShopwareSecret, time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopware: shopware);
        shopware.ThrottleNext("search", "30");

        var failure = await Assert.ThrowsAsync<ShopApiException>(() => shop.Get<ShopwareAdmin>().OrdersAsync([Known], CancellationToken.None));

        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
        Assert.Single(shopware.CallsOf("search"));
    }

    [Fact]
    public async Task OrdersChangedSinceAsync_ThrottledPage_WaitsTheRetryAfterThenReadsOnToTheExactTotal()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopware = new ShopwareAdminStub(ShopHarness.ShopwareId, ShopHarness.ShopwareSecret, time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopware: shopware);
        for (var i = 0; i < 150; i++)
        {
            shopware.AddOrder(ShopOrderSamples.Shopware($"0190f3c2a1b27c3e9d5a4b6c7e{i:x6}", $"{31000 + i}", Some.Monday.AddHours(-3).AddMinutes(i)));
        }
        // Changed before the poll's window: not asked for.
        shopware.AddOrder(ShopOrderSamples.Shopware("0190f3c2a1b27c3e9d5a4b6c7f000001", "30999", Some.Monday.AddDays(-3)));
        shopware.ThrottleNext("search", "3", when: request => request.Body!.Contains("\"page\":2", StringComparison.Ordinal));

        var reading = ReadAllAsync(shop.Get<ShopwareAdmin>(), Some.Monday.AddDays(-1));
        await Eventually.TrueAsync(() => shopware.CallsOf("search").Count == 2);
        time.Advance(TimeSpan.FromSeconds(3));
        var numbers = await reading;

        Assert.Equal(Enumerable.Range(31000, 150).Select(n => $"{n}"), numbers);
        Assert.Equal([200, 429, 200], shopware.CallsOf("search").Select(c => c.Status));
        Assert.Equal(TimeSpan.FromSeconds(3), shopware.CallsOf("search")[2].At - shopware.CallsOf("search")[1].At);
        Assert.Empty(shopware.Problems);
    }

    private static async Task<List<string>> ReadAllAsync(ShopwareAdmin admin, DateTimeOffset since)
    {
        var numbers = new List<string>();
        await foreach (var order in admin.OrdersChangedSinceAsync(since, CancellationToken.None))
        {
            numbers.Add(order.GetProperty("orderNumber").GetString()!);
        }
        return numbers;
    }
}
