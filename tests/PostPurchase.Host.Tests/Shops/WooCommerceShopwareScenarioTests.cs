using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Timeline;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Shops;

namespace PostPurchase.Host.Tests.Shops;

[Collection(HostCollection.Name)]
public sealed class WooCommerceShopwareScenarioTests(AzuriteServer azurite) : IAsyncLifetime
{
    private const string ShopwareOrder = "0190f3c2a1b27c3e9d5a4b6c7d8e9f01";
    private readonly WooCommerceRestStub _woo = new("ck_test", "cs_test");
    private readonly ShopwareAdminStub _shopware = new("SWIA_TEST", "sw-client-secret");
    private HostApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HostApp(azurite.ConnectionString, settings: new Dictionary<string, string>
        {
            ["PostPurchase:Shops:WooCommerce:WebhookSecret"] = ShopSamples.WooSecret,
            ["PostPurchase:Shops:WooCommerce:StoreUrl"] = _woo.Url,
            ["PostPurchase:Shops:WooCommerce:ConsumerKey"] = "ck_test",
            ["PostPurchase:Shops:WooCommerce:ConsumerSecret"] = "cs_test",
            ["PostPurchase:Shops:Shopware:ShopSecret"] = ShopSamples.ShopwareSecret,
            ["PostPurchase:Shops:Shopware:ShopUrl"] = _shopware.Url,
            ["PostPurchase:Shops:Shopware:ClientId"] = "SWIA_TEST",
            ["PostPurchase:Shops:Shopware:ClientSecret"] = "sw-client-secret",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _woo.Dispose();
        _shopware.Dispose();
    }

    /// <summary>Starts the Host and waits for its start-up reconciliation, so what a test puts in the stubs later is the test's to find.</summary>
    private async Task<HttpClient> StartAsync()
    {
        var web = _app.Anonymous();
        var store = _app.Services.GetRequiredService<ShopStore>();
        await store.EnsureCreatedAsync(CancellationToken.None);
        await Eventually.TrueAsync(async () =>
            await store.LastReconcileAsync("woocommerce", CancellationToken.None) is not null && await store.LastReconcileAsync("shopware", CancellationToken.None) is not null);
        return web;
    }

    [Fact]
    public async Task WooCommerce_PingDraftCreatedAndMissedOrder_OnlyPlacedOrdersGetATimelineAndThePollFindsTheMissedOne()
    {
        var web = await StartAsync();
        var ping = await web.SendAsync(ShopSamples.Request("woocommerce", ShopSamples.Body("woocommerce.ping.txt"), ShopSamples.Headers("woocommerce.ping.txt")));
        var draft = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Variant("woocommerce.order-created.json", "woocommerce",
            n => { n["id"] = 4713; n["number"] = "4713"; n["status"] = "checkout-draft"; })));
        var created = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("woocommerce.order-created.json", "woocommerce")));
        var repeat = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("woocommerce.order-created.json", "woocommerce")));
        await Dev.DrainAsync(_app);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("skipped", draft.Outcome);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Merchant().GetAsync("/api/orders/woocommerce-4713")).StatusCode);
        Assert.Equal("applied", created.Outcome);
        Assert.Equal("duplicate", repeat.Outcome);
        Assert.Single(await Dev.MessagesAsync(_app.Merchant(), "woocommerce-4711"), m => m.Intent == Intent.OrderConfirmation);

        // Order 4712 was placed while the webhook was disabled: only the REST poll can find it.
        _woo.AddOrder(ShopOrderSamples.WooCommerce(4712, new DateTimeOffset(2026, 3, 2, 7, 25, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 2, 7, 30, 0, TimeSpan.Zero)));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            // The WooCommerce poll finds it; the Shopware poll (its API is configured too) finds nothing new.
            var runs = await scope.ServiceProvider.GetRequiredService<ShopReconciler>().RunAsync(CancellationToken.None);
            Assert.All(runs, r => Assert.Null(r.Error));
            Assert.Equal(1, runs.Sum(r => r.Changed));
        }
        await Dev.DrainAsync(_app);

        Assert.Single(await Dev.MessagesAsync(_app.Merchant(), "woocommerce-4712"), m => m.Intent == Intent.OrderConfirmation);
        var page = await (await _app.Merchant().GetAsync("/shops?code=" + HostApp.ApiKey)).Content.ReadAsStringAsync();
        Assert.Contains("1 orders read, 1 with something new", page, StringComparison.Ordinal);
        Assert.Contains("order.created", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WooCommerce_TrackingItemsAdded_RegistersAndShipsTwoParcels()
    {
        var web = await StartAsync();
        await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("woocommerce.order-created.json", "woocommerce")));
        await Dev.AdvanceAsync(_app, "PT30H");
        await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("woocommerce.order-updated.json", "woocommerce")));
        await Dev.DrainAsync(_app);

        var order = await Dev.OrderAsync(_app.Merchant(), "woocommerce-4711");
        Assert.Equal(["00340434161094012345", "H1234567890123456789"], order.Parcels.Select(p => p.TrackingNumber));
        Assert.Equal(2, (await Dev.MessagesAsync(_app.Merchant(), "woocommerce-4711")).Count(m => m.Intent == Intent.Shipped && m.Channel == Channel.Email));
    }

    [Fact]
    public async Task Shopware_OrderWritten_ReadsTheOrderFromTheAdminApiAndConfirmsIt()
    {
        var web = await StartAsync();
        _shopware.AddOrder(ShopOrderSamples.Shopware(ShopwareOrder, "10042", new DateTimeOffset(2026, 3, 2, 8, 40, 0, TimeSpan.Zero), trackingCode: "3SABCD0123456789"));

        var receipt = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("shopware.order-written.json", "shopware")));
        await Dev.DrainAsync(_app);

        Assert.Equal("applied", receipt.Outcome);
        var confirmation = Assert.Single(await Dev.MessagesAsync(_app.Merchant(), $"shopware-{ShopwareOrder}"), m => m.Intent == Intent.OrderConfirmation);
        Assert.Contains("10042", confirmation.Subject + confirmation.Body, StringComparison.Ordinal);
        Assert.Equal("nl", confirmation.Locale);
        var order = await Dev.OrderAsync(_app.Merchant(), $"shopware-{ShopwareOrder}");
        Assert.Equal("+31612345678", order.Order.Customer.Phone);
        Assert.Single(order.Parcels);
    }
}
