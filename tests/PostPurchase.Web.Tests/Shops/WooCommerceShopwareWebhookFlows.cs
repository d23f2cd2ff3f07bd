using System.Net;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Shops;
using PostPurchase.Web.Tests.Browser;
using static PostPurchase.Web.Tests.Shops.ShopDeliveries;

namespace PostPurchase.Web.Tests.Shops;

/// <summary>WooCommerce's and Shopware's deliveries end to end, run against each runtime (see the derived classes), Shopware's Admin API at its stub.</summary>
public abstract class WooCommerceShopwareWebhookFlows(PagesApp app) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(app.BaseUrl) };

    [Fact]
    public async Task WooCommerce_PingThenCreated_PingAnsweredAndTheOrderConfirmed()
    {
        var id = 9000 + Next();
        var ping = ShopSamples.Request("woocommerce", ShopSamples.Body("woocommerce.ping.txt"), ShopSamples.Headers("woocommerce.ping.txt"));

        var pinged = await ReceiptAsync(await _http.SendAsync(ping));
        var created = await ReceiptAsync(await _http.SendAsync(WooCommerce("order.created", ShopOrderSamples.WooCommerce(id, Now.AddMinutes(-3)))));
        var snapshot = await app.WaitForAsync($"woocommerce-{id}", "the order confirmation", s => Sent(s, Intent.OrderConfirmation));

        Assert.Equal("ping", pinged.Outcome);
        Assert.Equal("applied", created.Outcome);
        Assert.Equal("de", snapshot.State.Order.Customer.Locale);
        Assert.Equal(77.40m, snapshot.State.Order.Totals.Total);
    }

    [Fact]
    public async Task Shopware_OrderWritten_OrderReadFromTheAdminApiThroughItsLatencyAndConfirmed()
    {
        var id = $"0190f3c2a1b27c3e9d5a4b6c{Next():x8}";
        app.ShopwareAdmin.AddOrder(ShopOrderSamples.Shopware(id, "10042", Now.AddMinutes(-2), trackingCode: $"3SABCD{Next():D10}"));
        app.ShopwareAdmin.Latency = TimeSpan.FromMilliseconds(400);
        try
        {
            var written = await ReceiptAsync(await _http.SendAsync(Shopware(Guid.NewGuid().ToString("N"), id)));
            var snapshot = await app.WaitForAsync($"shopware-{id}", "the order confirmation", s => Sent(s, Intent.OrderConfirmation) && s.State.Parcels.Count == 1);

            Assert.Equal("applied", written.Outcome);
            Assert.Equal(("10042", "nl", "+31612345678"), (snapshot.State.Order.DisplayNumber, snapshot.State.Order.Customer.Locale, snapshot.State.Order.Customer.Phone));
        }
        finally
        {
            app.ShopwareAdmin.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task Shopware_AdminApiSlowerThanShopwareWaits_503WithRetryAfterAndTheRetryApplies()
    {
        var id = $"0190f3c2a1b27c3e9d5a4b6c{Next():x8}";
        var eventId = Guid.NewGuid().ToString("N");
        app.ShopwareAdmin.AddOrder(ShopOrderSamples.Shopware(id, "10043", Now.AddMinutes(-2)));
        app.ShopwareAdmin.Latency = ShopWebhookHttp.ShopwareReadBudget + TimeSpan.FromSeconds(2);
        HttpResponseMessage slow;
        try
        {
            slow = await _http.SendAsync(Shopware(eventId, id));
        }
        finally
        {
            app.ShopwareAdmin.Latency = TimeSpan.Zero;
        }
        var stored = await app.HasShopRecordAsync($"shopware-{id}");

        var retried = await ReceiptAsync(await _http.SendAsync(Shopware(eventId, id)));
        await app.WaitForAsync($"shopware-{id}", "the order confirmation", s => Sent(s, Intent.OrderConfirmation));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, slow.StatusCode);
        Assert.Equal("application/problem+json", slow.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(30), slow.Headers.RetryAfter?.Delta);
        Assert.False(stored);
        Assert.Equal("applied", retried.Outcome);
    }

    [Fact]
    public async Task Shopware_EventForAnOrderTheShopNoLongerHas_SkippedWithTheReason()
    {
        var id = $"0190f3c2a1b27c3e9d5a4b6c{Next():x8}";

        var written = await ReceiptAsync(await _http.SendAsync(Shopware(Guid.NewGuid().ToString("N"), id)));

        Assert.Equal(("skipped", $"shopware-{id}"), (written.Outcome, written.OrderId));
        Assert.Equal($"Shopware does not know order {id} (deleted since the event?).", written.Reason);
        Assert.Null(await app.FindAsync($"shopware-{id}"));
    }

    public void Dispose()
    {
        _http.Dispose();
        GC.SuppressFinalize(this);
    }
}

[Collection(HostPagesCollection.Name)]
public sealed class WooCommerceShopwareWebhookFlowsOnHost(HostPagesApp app) : WooCommerceShopwareWebhookFlows(app);

[Collection(FunctionsPagesCollection.Name)]
public sealed class WooCommerceShopwareWebhookFlowsOnFunctionApp(FunctionsPagesApp app) : WooCommerceShopwareWebhookFlows(app);
