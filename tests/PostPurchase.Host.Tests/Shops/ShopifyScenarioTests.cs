using System.Net;
using System.Text.Json.Nodes;
using PostPurchase.Core.Timeline;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Http;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Shops;

namespace PostPurchase.Host.Tests.Shops;

[Collection(HostCollection.Name)]
public sealed class ShopifyScenarioTests(AzuriteServer azurite) : IAsyncLifetime
{
    private const string Token = "shpat_test_token";
    private const string OrderId = "shopify-5812345678901";
    private readonly ShopifyAdminStub _shopify = new(Token);
    private readonly WebhookReceiver _shop = new();
    private HostApp _app = null!;

    public Task InitializeAsync()
    {
        // The Admin API knows the beanie as "Hats"; the socks' product is not in the catalogue any more.
        _shopify.AddProduct("8123456789012", "Hats", "winter");
        _shopify.Latency = TimeSpan.FromMilliseconds(150);
        _app = new HostApp(azurite.ConnectionString, settings: new Dictionary<string, string>
        {
            ["PostPurchase:Shops:Shopify:WebhookSecret"] = ShopSamples.ShopifySecret,
            ["PostPurchase:Shops:Shopify:AdminToken"] = Token,
            ["PostPurchase:Shops:Shopify:ShopDomain"] = "nordic-goods.myshopify.com",
            ["PostPurchase:Shops:Shopify:ApiBaseUrl"] = _shopify.Url,
            ["PostPurchase:Shops:Categories:0:ProductType"] = "Hats",
            ["PostPurchase:Shops:Categories:0:Category"] = "apparel",
            ["PostPurchase:Shops:Categories:1:TitleKeyword"] = "socks",
            ["PostPurchase:Shops:Categories:1:Category"] = "apparel",
            ["PostPurchase:Policy:Csat:Enabled"] = "false",
            ["PostPurchase:Webhooks:Endpoints:0:Url"] = _shop.Url,
            ["PostPurchase:Webhooks:Endpoints:0:Secret"] = "hook-secret-0123456789",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _shopify.Dispose();
        _shop.Dispose();
    }

    [Fact]
    public async Task ShopifyFlow_CreatedFulfilledDelivered_ConfirmsShipsDeliversAndTimesTheReview()
    {
        var web = _app.Anonymous();

        var created = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("shopify.orders-create.json", "shopify")));
        var again = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("shopify.orders-create.json", "shopify")));
        await Dev.DrainAsync(_app);

        Assert.Equal("applied", created.Outcome);
        Assert.Equal("duplicate", again.Outcome);
        var confirmation = Assert.Single(await Dev.MessagesAsync(_app.Merchant(), OrderId), m => m.Intent == Intent.OrderConfirmation);
        Assert.Contains("#1042", confirmation.Subject + confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("Merino Wool Beanie", confirmation.Body, StringComparison.Ordinal);
        Assert.Contains("77,40", confirmation.Body, StringComparison.Ordinal);
        Assert.Equal("de", confirmation.Locale);

        await Dev.AdvanceAsync(_app, "PT25H");
        await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("shopify.fulfillments-create.json", "shopify")));
        await Dev.DrainAsync(_app);
        var shipped = await Dev.OrderAsync(_app.Merchant(), OrderId);
        var parcel = Assert.Single(shipped.Parcels);
        Assert.Equal("JD014600003928170021", parcel.TrackingNumber);
        Assert.Equal(["BEANIE-MER-CHR"], parcel.Skus);
        Assert.Contains(await Dev.MessagesAsync(_app.Merchant(), OrderId), m => m.Intent == Intent.Shipped && m.ParcelKey == parcel.Key);

        await Dev.AdvanceAsync(_app, "P3D");
        await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("shopify.fulfillments-update.json", "shopify")));
        await Dev.DrainAsync(_app);
        // The older fulfilment snapshot again, under a new delivery id: nothing is undone.
        var older = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Variant("shopify.fulfillments-create.json", "shopify", _ => { },
            new Dictionary<string, string> { ["X-Shopify-Webhook-Id"] = "late-redelivery-1" })));
        await Dev.DrainAsync(_app);

        Assert.Equal("unchanged", older.Outcome);
        var delivered = await Dev.OrderAsync(_app.Merchant(), OrderId);
        Assert.Equal(OrderStatus.Delivered, delivered.Status);
        Assert.Equal("apparel", delivered.Order.Items.Single(i => i.Sku == "BEANIE-MER-CHR").Category);
        var review = Assert.Single(await Dev.MessagesAsync(_app.Merchant(), OrderId), m => m.Intent == Intent.ReviewRequest);
        // Delivered 5 March; apparel (the beanie by its Admin API product type, the socks by a title rule) is reviewed after 7 days, at 10:00 in Berlin.
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 9, 0, 0, TimeSpan.Zero), review.ScheduledFor);
        // Two deliveries of the order, one product-type lookup.
        Assert.Single(_shopify.CallsOf("graphql:products"));
    }

    [Fact]
    public async Task ShopifyCancelled_PlacedOrder_ConfirmsTheCancellationAndSendsNoCancelWebhook()
    {
        var web = _app.Anonymous();
        await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Variant("shopify.orders-cancelled.json", "shopify",
            n => { n.Remove("cancelled_at"); n["updated_at"] = "2026-03-02T11:00:00+01:00"; },
            new Dictionary<string, string> { ["X-Shopify-Topic"] = "orders/create", ["X-Shopify-Webhook-Id"] = "create-1043" })));
        await Dev.DrainAsync(_app);

        var cancelled = await ShopHttp.ReceiptAsync(await web.SendAsync(ShopSamples.Sample("shopify.orders-cancelled.json", "shopify")));
        await Dev.DrainAsync(_app);
        await Task.Delay(300);

        Assert.Equal("applied", cancelled.Outcome);
        Assert.Equal(OrderStatus.Cancelled, (await Dev.OrderAsync(_app.Merchant(), "shopify-5812345678902")).Status);
        Assert.Contains(await Dev.MessagesAsync(_app.Merchant(), "shopify-5812345678902"), m => m.Intent == Intent.CancellationConfirmed);
        Assert.Empty(_shop.Received);
    }

    [Fact]
    public async Task ShopifyWebhook_ForgedOrUnsigned_Returns401AndAppliesNothing()
    {
        var forged = ShopSamples.Sample("shopify.orders-create.json", "shopify");
        var body = ShopSamples.Body("shopify.orders-create.json");
        body[10] ^= 0x01;
        forged.Content = new ByteArrayContent(body);
        var unsigned = ShopSamples.Sample("shopify.orders-create.json", "shopify");
        unsigned.Headers.Remove("X-Shopify-Hmac-Sha256");

        var a = await _app.Anonymous().SendAsync(forged);
        var b = await _app.Anonymous().SendAsync(unsigned);

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, b.StatusCode);
        Assert.Equal("application/problem+json", a.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Merchant().GetAsync($"/api/orders/{OrderId}")).StatusCode);
        var page = await (await _app.Merchant().GetAsync("/shops?code=" + HostApp.ApiKey)).Content.ReadAsStringAsync();
        Assert.Contains("Bad signature", page, StringComparison.Ordinal);
        Assert.Contains("Unsigned", page, StringComparison.Ordinal);
    }
}
