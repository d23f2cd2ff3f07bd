using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Infrastructure.Tests.Shops;

[Collection(AzuriteCollection.Name)]
public sealed class ShopReconcilerTests(AzuriteServer azurite)
{
    private const long FirstShopifyId = 6100000000000;

    [Fact]
    public async Task RunAsync_ShopifyCatchUpAfterDowntime_FindsTheMissedOrderAndCancellationOverTwoPagesWaitingOutThe429()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopify = new ShopifyAdminStub(ShopHarness.ShopifyToken, clock: time) { Latency = TimeSpan.FromMilliseconds(100) };
        shopify.AddProduct("8123456789012", "Hats", "winter");
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopify: shopify);
        // 120 orders of the last day; webhooks brought all but #2057, and #2090 was cancelled while they did not arrive.
        for (var i = 0; i < 120; i++)
        {
            var order = ShopOrderSamples.Shopify(FirstShopifyId + i, 2000 + i, Some.Monday.AddHours(-20).AddMinutes(5 * i));
            shopify.AddOrder(i == 90 ? ShopOrderSamples.CancelledShopify(order, Some.Monday.AddMinutes(-30)) : order);
            if (i != 57)
            {
                await shop.ApplyShopifyAsync("orders/create", order.ToJsonString());
            }
        }
        await shop.Engine.Runtime.DrainAsync(CancellationToken.None);
        shopify.ThrottleNext("graphql:orders", "2", """{"errors":[{"message":"Throttled"}]}""");

        var running = shop.ReconcileAsync();
        await Eventually.TrueAsync(() => shopify.CallsOf("graphql:orders").Count == 1);
        await Task.Delay(300);
        var beforeTheWait = shopify.CallsOf("graphql:orders").Count;
        time.Advance(TimeSpan.FromSeconds(2));
        var run = Assert.Single(await running);
        await shop.Engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.Equal(1, beforeTheWait);
        Assert.Null(run.Error);
        Assert.Equal(120, run.Orders);
        Assert.Equal(2, run.Changed);
        var queries = shopify.CallsOf("graphql:orders");
        Assert.Equal([429, 200, 200], queries.Select(c => c.Status));
        Assert.Equal(TimeSpan.FromSeconds(2), queries[1].At - queries[0].At);
        Assert.Equal([100, 20], shopify.CallsOf("rest:orders").Select(c => Ids(c.Url).Length));
        Assert.Empty(shopify.Problems);
        var missed = await shop.Engine.Workflows.GetAsync($"shopify-{FirstShopifyId + 57}", CancellationToken.None);
        Assert.NotNull(missed);
        Assert.Equal("#2057", missed.State.Order.DisplayNumber);
        Assert.Equal(["BEANIE-MER-CHR", "SOCK-TRL-L-BLU"], missed.State.Order.Items.Select(i => i.Sku).Order());
        Assert.Equal(OrderStatus.Cancelled, (await shop.Engine.Workflows.GetAsync($"shopify-{FirstShopifyId + 90}", CancellationToken.None))!.State.Status);
        Assert.Equal(120, shop.Engine.Email.Sent.Count(m => m.Intent == Intent.OrderConfirmation));
        Assert.Single(shop.Engine.Email.Sent, m => m.Intent == Intent.OrderConfirmation && m.OrderId == $"shopify-{FirstShopifyId + 57}");
        Assert.Single(shop.Engine.Email.Sent, m => m.Intent == Intent.CancellationConfirmed);
    }

    [Fact]
    public async Task RunAsync_SecondShopifyRun_AsksFromTheNewestChangeLessAMinuteAndChangesNothingKnown()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopify = new ShopifyAdminStub(ShopHarness.ShopifyToken, clock: time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopify: shopify);
        var newest = Some.Monday.AddMinutes(-10);
        shopify.AddOrder(ShopOrderSamples.Shopify(FirstShopifyId, 3000, Some.Monday.AddHours(-3)));
        shopify.AddOrder(ShopOrderSamples.Shopify(FirstShopifyId + 1, 3001, newest.AddSeconds(-2), newest));
        var first = Assert.Single(await shop.ReconcileAsync());
        time.Advance(TimeSpan.FromMinutes(15));

        var second = Assert.Single(await shop.ReconcileAsync());

        Assert.Equal(2, first.Changed);
        Assert.Equal(newest, second.Since.AddMinutes(1));
        Assert.Equal((1, 0), (second.Orders, second.Changed));
        Assert.Equal("updated_at:>'" + newest.AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) + "'",
            JsonNode.Parse(shopify.CallsOf("graphql:orders")[^1].Body!)!["variables"]!["query"]!.GetValue<string>());
        Assert.Empty(shopify.Problems);
    }

    [Fact]
    public async Task RunAsync_WooCommerceMissedOrdersOverThreePages_EachFoundOnceAndDraftsSkipped()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var woo = new WooCommerceRestStub(ShopHarness.WooKey, ShopHarness.WooSecret, time) { Latency = TimeSpan.FromMilliseconds(200) };
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, woo: woo);
        // 230 orders changed today, most of them checkout drafts (the Checkout block makes one per visit to the checkout).
        for (var i = 0; i < 230; i++)
        {
            woo.AddOrder(ShopOrderSamples.WooCommerce(5000 + i, Some.Monday.AddHours(-8).AddMinutes(2 * i), status: i % 50 == 7 ? "processing" : "checkout-draft"));
        }

        var run = Assert.Single(await shop.ReconcileAsync());
        await shop.Engine.Runtime.DrainAsync(CancellationToken.None);
        var again = Assert.Single(await shop.ReconcileAsync());

        Assert.Null(run.Error);
        Assert.Equal((230, 5), (run.Orders, run.Changed));
        Assert.Equal([1, 2, 3], woo.CallsOf("orders").Take(3).Select(c => int.Parse(HttpUtility.ParseQueryString(new Uri(c.Url).Query)["page"]!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(5, shop.Engine.Email.Sent.Count(m => m.Intent == Intent.OrderConfirmation));
        Assert.Equal(0, again.Changed);
        Assert.Empty(woo.Problems);
    }

    [Fact]
    public async Task RunAsync_WooCommerceKeyRefused_RunRecordsTheErrorWithWhatToCheck()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var woo = new WooCommerceRestStub(ShopHarness.WooKey, "cs_rotated", time);
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, woo: woo);

        var run = Assert.Single(await shop.ReconcileAsync());

        Assert.Contains("401", run.Error, StringComparison.Ordinal);
        Assert.Contains("ConsumerKey and __ConsumerSecret", run.Error, StringComparison.Ordinal);
        Assert.Equal(run.Since, run.Watermark);
    }

    [Fact]
    public async Task RunAsync_ShopwareOrdersChangedWhileWebhooksFailed_PagesByLimitAndExactTotalAndConfirmsTheMissedOnes()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var shopware = new ShopwareAdminStub(ShopHarness.ShopwareId, ShopHarness.ShopwareSecret, time) { MaxLimit = 100 };
        await using var shop = ShopHarness.Create(azurite.ConnectionString, time, shopware: shopware);
        for (var i = 0; i < 205; i++)
        {
            // Unpaid orders (payment failed) have no timeline; every 40th was paid.
            shopware.AddOrder(ShopOrderSamples.Shopware($"0190f3c2a1b27c3e9d5a4b6c7d{i:x6}", (20000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Some.Monday.AddHours(-6).AddMinutes(i), paymentState: i % 40 == 3 ? "paid" : "failed"));
        }

        var run = Assert.Single(await shop.ReconcileAsync());
        await shop.Engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.Null(run.Error);
        Assert.Equal((205, 6), (run.Orders, run.Changed));
        Assert.Equal(3, shopware.CallsOf("search").Count);
        Assert.Equal(1, shopware.TokensIssued);
        Assert.Equal(6, shop.Engine.Email.Sent.Count(m => m.Intent == Intent.OrderConfirmation));
        Assert.Empty(shopware.Problems);
    }

    private static string[] Ids(string url) => (HttpUtility.ParseQueryString(new Uri(url).Query)["ids"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
}
