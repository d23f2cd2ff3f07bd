using PostPurchase.Core.Timeline;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Tests.Browser;
using static PostPurchase.Web.Tests.Shops.ShopDeliveries;

namespace PostPurchase.Web.Tests.Shops;

/// <summary>Reconciliation on each runtime (the Host's loop body, the Function App's <c>ReconcileShops</c> timer function) against the platforms' API stubs.</summary>
public abstract class ShopReconciliationFlows(PagesApp app)
{
    [Fact]
    public async Task Reconcile_OrderMissedOnEachPlatform_EachFoundAndConfirmedOnceAndKnownOrdersUnchanged()
    {
        var shopifyId = 6400000000000 + Next();
        var wooId = 9500 + Next();
        var shopwareId = $"0190f3c2a1b27c3e9d5a4b6d{Next():x8}";
        var known = 6400000000000 + Next();
        var knownOrder = ShopOrderSamples.Shopify(known, 6001, Now.AddMinutes(-30));
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        await ReceiptAsync(await http.SendAsync(Shopify("orders/create", knownOrder)));
        await app.WaitForAsync($"shopify-{known}", "the known order's confirmation", s => Sent(s, Intent.OrderConfirmation));
        // While the runtime was down: one new order per platform, which only the platforms' APIs can tell.
        app.ShopifyAdmin.AddOrder(knownOrder);
        app.ShopifyAdmin.AddOrder(ShopOrderSamples.Shopify(shopifyId, 6002, Now.AddMinutes(-20)));
        app.WooCommerceRest.AddOrder(ShopOrderSamples.WooCommerce(wooId, Now.AddMinutes(-15)));
        app.ShopwareAdmin.AddOrder(ShopOrderSamples.Shopware(shopwareId, "20042", Now.AddMinutes(-10)));

        await app.ReconcileShopsAsync();
        await app.ReconcileShopsAsync();
        var shopify = await app.WaitForAsync($"shopify-{shopifyId}", "the missed Shopify order's confirmation", s => Sent(s, Intent.OrderConfirmation));
        var woo = await app.WaitForAsync($"woocommerce-{wooId}", "the missed WooCommerce order's confirmation", s => Sent(s, Intent.OrderConfirmation));
        var shopware = await app.WaitForAsync($"shopware-{shopwareId}", "the missed Shopware order's confirmation", s => Sent(s, Intent.OrderConfirmation));
        await Task.Delay(TimeSpan.FromSeconds(1));

        Assert.Equal("#6002", shopify.State.Order.DisplayNumber);
        Assert.Equal($"{wooId}", woo.State.Order.DisplayNumber);
        Assert.Equal("20042", shopware.State.Order.DisplayNumber);
        foreach (var orderId in new[] { $"shopify-{known}", $"shopify-{shopifyId}", $"woocommerce-{wooId}", $"shopware-{shopwareId}" })
        {
            Assert.Single((await app.FindAsync(orderId))!.Messages, m => m.Message.Intent == Intent.OrderConfirmation);
        }
        Assert.Empty(app.ShopifyAdmin.Problems);
        Assert.Empty(app.WooCommerceRest.Problems);
        Assert.Empty(app.ShopwareAdmin.Problems);
    }
}

[Collection(HostPagesCollection.Name)]
public sealed class ShopReconciliationFlowsOnHost(HostPagesApp app) : ShopReconciliationFlows(app);

[Collection(FunctionsPagesCollection.Name)]
public sealed class ShopReconciliationFlowsOnFunctionApp(FunctionsPagesApp app) : ShopReconciliationFlows(app);
