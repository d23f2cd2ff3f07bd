using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Shops;

namespace PostPurchase.Web.Tests.Shops;

/// <summary>Shop deliveries as the platforms send them to a runtime on real time: fresh ids, signed with the test secrets.</summary>
internal static class ShopDeliveries
{
    private static long _next;

    /// <summary>Now, by the clock the runtimes under test run on.</summary>
    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    /// <summary>A number no other test of this run uses.</summary>
    public static long Next() => Interlocked.Increment(ref _next);

    /// <summary>A Shopify delivery of <paramref name="body"/> under <paramref name="topic"/>, signed, with its own webhook id unless given.</summary>
    public static HttpRequestMessage Shopify(string topic, JsonNode body, string? webhookId = null) =>
        ShopSamples.Signed("shopify", body, ShopSamples.Headers("shopify.orders-create.json"), new Dictionary<string, string>
        {
            ["X-Shopify-Topic"] = topic,
            ["X-Shopify-Webhook-Id"] = webhookId ?? Guid.NewGuid().ToString(),
            ["X-Shopify-Triggered-At"] = Now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture),
        });

    /// <summary>A WooCommerce delivery of <paramref name="body"/> under <paramref name="topic"/>, signed, with a fresh delivery id.</summary>
    public static HttpRequestMessage WooCommerce(string topic, JsonNode body) =>
        ShopSamples.Signed("woocommerce", body, ShopSamples.Headers("woocommerce.order-created.json"), new Dictionary<string, string>
        {
            ["X-WC-Webhook-Topic"] = topic,
            ["X-WC-Webhook-Delivery-ID"] = Guid.NewGuid().ToString("N"),
        });

    /// <summary>A Shopware <c>order.written</c> naming <paramref name="orderIds"/>, signed, as event <paramref name="eventId"/>.</summary>
    public static HttpRequestMessage Shopware(string eventId, params string[] orderIds) =>
        ShopSamples.Signed("shopware", ShopOrderSamples.ShopwareWritten(eventId, orderIds), ShopSamples.Headers("shopware.order-written.json"),
            new Dictionary<string, string> { ["X-Shopware-Event-Id"] = eventId });

    /// <summary>The receipt of a delivery the runtime answered 200.</summary>
    public static async Task<ShopReceipt> ReceiptAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<ShopReceipt>(CoreJson.Options))!;
    }

    /// <summary>True when the order's read model holds a <paramref name="intent"/> message that went out.</summary>
    public static bool Sent(OrderSnapshot snapshot, Intent intent) =>
        snapshot.Messages.Any(m => m.Message.Intent == intent && m.Message.Status is MessageStatus.Sent or MessageStatus.Delivered);
}
