using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Infrastructure.Tests.Shops;

[Collection(AzuriteCollection.Name)]
public sealed class WooCommerceApiTests(AzuriteServer azurite)
{
    [Fact]
    public async Task OrdersModifiedAfterAsync_ThrottledOnPageTwo_WaitsTheRetryAfterAndReadsEveryPage()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var woo = new WooCommerceRestStub(ShopHarness.WooKey, ShopHarness.WooSecret, time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, woo: woo);
        for (var i = 0; i < 150; i++)
        {
            woo.AddOrder(ShopOrderSamples.WooCommerce(7000 + i, Some.Monday.AddHours(-5).AddMinutes(i)));
        }
        woo.ThrottleNext("orders", "5", when: request => request.Query!["page"].Single() == "2");

        var reading = ReadAllAsync(shop.Get<WooCommerceApi>(), Some.Monday.AddDays(-1));
        await Eventually.TrueAsync(() => woo.Calls.Count == 2);
        await Task.Delay(200);
        var early = woo.Calls.Count;
        time.Advance(TimeSpan.FromSeconds(5));
        var ids = await reading;

        Assert.Equal(2, early);
        Assert.Equal(Enumerable.Range(7000, 150).Select(i => (long)i), ids);
        Assert.Equal([200, 429, 200], woo.Calls.Select(c => c.Status));
        Assert.Equal(TimeSpan.FromSeconds(5), woo.Calls[2].At - woo.Calls[1].At);
        Assert.Empty(woo.Problems);
    }

    [Fact]
    public async Task OrdersModifiedAfterAsync_NoRestRouteAtTheStoreUrl_FailsNamingWhatToCheck()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var woo = new WooCommerceRestStub(ShopHarness.WooKey, ShopHarness.WooSecret, time);
        using var http = new HttpClient();
        var api = new WooCommerceApi(http, Options(woo.Url + "/blog"), time);

        var failure = await Assert.ThrowsAsync<ShopApiException>(() => ReadAllAsync(api, Some.Monday.AddDays(-1)));

        Assert.Contains("404", failure.Message, StringComparison.Ordinal);
        Assert.Contains("rest_no_route", failure.Message, StringComparison.Ordinal);
        Assert.Contains("StoreUrl", failure.Message, StringComparison.Ordinal);
    }

    private static Microsoft.Extensions.Options.IOptionsMonitor<PostPurchaseOptions> Options(string storeUrl)
    {
        var options = new PostPurchaseOptions();
        options.Shops.WooCommerce = new() { StoreUrl = storeUrl, ConsumerKey = ShopHarness.WooKey, ConsumerSecret = ShopHarness.WooSecret };
        return new FixedOptions(options);
    }

    private static async Task<List<long>> ReadAllAsync(WooCommerceApi api, DateTimeOffset since)
    {
        var ids = new List<long>();
        await foreach (var order in api.OrdersModifiedAfterAsync(since, CancellationToken.None))
        {
            ids.Add(order.GetProperty("id").GetInt64());
        }
        return ids;
    }
}
