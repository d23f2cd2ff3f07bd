using System.Net;
using System.Text.Json.Nodes;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Timeline;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Shops;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace PostPurchase.Host.Tests.Shops;

[Collection(HostCollection.Name)]
public sealed class WooCommerceShopwareScenarioTests(AzuriteServer azurite) : IAsyncLifetime
{
    private const string ShopwareOrder = "0190f3c2a1b27c3e9d5a4b6c7d8e9f01";
    private static readonly string WooAuth = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ck_test:cs_test"));
    private readonly WireMockServer _stub = WireMockServer.Start();
    private HostApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HostApp(azurite.ConnectionString, settings: new Dictionary<string, string>
        {
            ["PostPurchase:Shops:WooCommerce:WebhookSecret"] = ShopSamples.WooSecret,
            ["PostPurchase:Shops:WooCommerce:StoreUrl"] = _stub.Url!,
            ["PostPurchase:Shops:WooCommerce:ConsumerKey"] = "ck_test",
            ["PostPurchase:Shops:WooCommerce:ConsumerSecret"] = "cs_test",
            ["PostPurchase:Shops:Shopware:ShopSecret"] = ShopSamples.ShopwareSecret,
            ["PostPurchase:Shops:Shopware:ShopUrl"] = _stub.Url!,
            ["PostPurchase:Shops:Shopware:ClientId"] = "SWIA_TEST",
            ["PostPurchase:Shops:Shopware:ClientSecret"] = "sw-client-secret",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _stub.Stop();
    }

    [Fact]
    public async Task WooCommerce_PingDraftCreatedAndMissedOrder_OnlyPlacedOrdersGetATimelineAndThePollFindsTheMissedOne()
    {
        var web = _app.Anonymous();
        var ping = await web.SendAsync(ShopSamples.Request("woocommerce", ShopSamples.Body("woocommerce.ping.txt"), ShopSamples.Headers("woocommerce.ping.txt")));
        var draft = await Receipt(await web.SendAsync(ShopSamples.Variant("woocommerce.order-created.json", "woocommerce",
            n => { n["id"] = 4713; n["number"] = "4713"; n["status"] = "checkout-draft"; })));
        var created = await Receipt(await web.SendAsync(ShopSamples.Sample("woocommerce.order-created.json", "woocommerce")));
        var repeat = await Receipt(await web.SendAsync(ShopSamples.Sample("woocommerce.order-created.json", "woocommerce")));
        await Dev.DrainAsync(_app);

        Assert.Equal(HttpStatusCode.OK, ping.StatusCode);
        Assert.Equal("skipped", draft.Outcome);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Merchant().GetAsync("/api/orders/woocommerce-4713")).StatusCode);
        Assert.Equal("applied", created.Outcome);
        Assert.Equal("duplicate", repeat.Outcome);
        Assert.Single(await Dev.MessagesAsync(_app.Merchant(), "woocommerce-4711"), m => m.Intent == Intent.OrderConfirmation);

        // Order 4712 was placed while the webhook was disabled: only the REST poll can find it.
        var missed = JsonNode.Parse(ShopSamples.Body("woocommerce.order-created.json"))!.AsObject();
        missed["id"] = 4712;
        missed["number"] = "4712";
        missed["date_modified_gmt"] = "2026-03-02T07:30:00";
        _stub.Given(Request.Create().WithPath("/wp-json/wc/v3/orders").UsingGet().WithHeader("Authorization", WooAuth).WithParam("modified_after").WithParam("page", "1"))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithHeader("X-WP-TotalPages", "1").WithBody($"[{missed.ToJsonString()}]"));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var run = Assert.Single(await scope.ServiceProvider.GetRequiredService<ShopReconciler>().RunAsync(CancellationToken.None), r => r.Error is null);
            Assert.Equal(1, run.Changed);
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
        var web = _app.Anonymous();
        await Receipt(await web.SendAsync(ShopSamples.Sample("woocommerce.order-created.json", "woocommerce")));
        await Dev.AdvanceAsync(_app, "PT30H");
        await Receipt(await web.SendAsync(ShopSamples.Sample("woocommerce.order-updated.json", "woocommerce")));
        await Dev.DrainAsync(_app);

        var order = await Dev.OrderAsync(_app.Merchant(), "woocommerce-4711");
        Assert.Equal(["00340434161094012345", "H1234567890123456789"], order.Parcels.Select(p => p.TrackingNumber));
        Assert.Equal(2, (await Dev.MessagesAsync(_app.Merchant(), "woocommerce-4711")).Count(m => m.Intent == Intent.Shipped && m.Channel == Channel.Email));
    }

    [Fact]
    public async Task Shopware_OrderWritten_ReadsTheOrderFromTheAdminApiAndConfirmsIt()
    {
        _stub.Given(Request.Create().WithPath("/api/oauth/token").UsingPost().WithBody(b => b!.Contains("\"client_id\":\"SWIA_TEST\"", StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody("""{"token_type":"Bearer","expires_in":600,"access_token":"sw-token-1"}"""));
        _stub.Given(Request.Create().WithPath("/api/search/order").UsingPost().WithHeader("Authorization", "Bearer sw-token-1").WithBody(b => b!.Contains(ShopwareOrder, StringComparison.Ordinal)))
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(ShopwareOrderJson()));

        var receipt = await Receipt(await _app.Anonymous().SendAsync(ShopSamples.Sample("shopware.order-written.json", "shopware")));
        await Dev.DrainAsync(_app);

        Assert.Equal("applied", receipt.Outcome);
        var confirmation = Assert.Single(await Dev.MessagesAsync(_app.Merchant(), $"shopware-{ShopwareOrder}"), m => m.Intent == Intent.OrderConfirmation);
        Assert.Contains("10042", confirmation.Subject + confirmation.Body, StringComparison.Ordinal);
        Assert.Equal("nl", confirmation.Locale);
        var order = await Dev.OrderAsync(_app.Merchant(), $"shopware-{ShopwareOrder}");
        Assert.Equal("+31612345678", order.Order.Customer.Phone);
        Assert.Single(order.Parcels);
    }

    private static string ShopwareOrderJson() => """
        {"total":1,"data":[{"id":"ORDER_ID","orderNumber":"10042","orderDateTime":"2026-03-02T08:40:00.000+00:00","createdAt":"2026-03-02T08:40:01.000+00:00","updatedAt":null,
         "amountTotal":54.95,"amountNet":45.41,"shippingTotal":4.95,"taxStatus":"gross","currency":{"isoCode":"EUR"},
         "stateMachineState":{"technicalName":"open"},"language":{"locale":{"code":"nl-NL"}},
         "orderCustomer":{"firstName":"Sanne","lastName":"de Vries","email":"sanne@example.nl"},
         "lineItems":[{"id":"li1","productId":"p1","type":"product","label":"Gezichtsserum","quantity":2,"unitPrice":25.0,"totalPrice":50.0,"payload":{"productNumber":"SERUM-30"}}],
         "transactions":[{"createdAt":"2026-03-02T08:40:02.000+00:00","stateMachineState":{"technicalName":"paid"},"paymentMethod":{"name":"iDEAL"}}],
         "deliveries":[{"id":"d1","trackingCodes":["3SABCD0123456789"],"createdAt":"2026-03-02T08:40:01.000+00:00","updatedAt":"2026-03-02T08:50:00.000+00:00",
           "stateMachineState":{"technicalName":"shipped"},"shippingMethod":{"name":"PostNL"},
           "shippingOrderAddress":{"firstName":"Sanne","lastName":"de Vries","street":"Keizersgracht 1","zipcode":"1015 CJ","city":"Amsterdam","phoneNumber":"06 12345678","country":{"iso":"NL"}}}]}]}
        """.Replace("ORDER_ID", ShopwareOrder, StringComparison.Ordinal);

    private static async Task<ShopReceipt> Receipt(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync<ShopReceipt>(response);
    }
}
