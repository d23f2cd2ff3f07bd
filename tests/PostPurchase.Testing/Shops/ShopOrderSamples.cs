using System.Globalization;
using System.Text.Json.Nodes;

namespace PostPurchase.Testing.Shops;

/// <summary>
/// Orders as each platform writes them (in webhooks and in its API), made from the signed samples with another id, number and
/// times: many distinct orders of a store, or the sample order moved to "now" for runtimes on real time.
/// </summary>
public static class ShopOrderSamples
{
    /// <summary>Shopify's orders/create sample as order <paramref name="id"/>, named <c>#<paramref name="number"/></c>, placed and last changed at the times given.</summary>
    public static JsonObject Shopify(long id, int number, DateTimeOffset placed, DateTimeOffset? updated = null)
    {
        var order = ShopSamples.Json("shopify.orders-create.json");
        order["id"] = id;
        order["admin_graphql_api_id"] = $"gid://shopify/Order/{id}";
        order["name"] = $"#{number}";
        order["order_number"] = number;
        order["number"] = number - 1000;
        order["created_at"] = Iso(placed);
        order["processed_at"] = Iso(placed);
        order["updated_at"] = Iso(updated ?? placed.AddSeconds(2));
        return order;
    }

    /// <summary>
    /// A Shopify order of <paramref name="lines"/> distinct lines (Shopify's most per order is 250), each as complete as the
    /// sample's (price and tax sets, tax lines, discount allocations, properties), with the totals they add up to.
    /// </summary>
    public static JsonObject ShopifyWithLines(long id, int number, DateTimeOffset placed, int lines)
    {
        var order = Shopify(id, number, placed);
        var template = order["line_items"]![0]!;
        var items = new JsonArray();
        var total = 0m;
        for (var i = 0; i < lines; i++)
        {
            var line = template.DeepClone().AsObject();
            var price = 5m + (i % 40);
            var money = price.ToString("0.00", CultureInfo.InvariantCulture);
            line["id"] = 14200000000000 + i;
            line["admin_graphql_api_id"] = $"gid://shopify/LineItem/{14200000000000 + i}";
            line["product_id"] = 8200000000000 + (i / 3);
            line["variant_id"] = 45200000000000 + i;
            line["sku"] = $"KIT-{i:000}";
            line["title"] = $"Sticker set {i:000}";
            line["name"] = $"Sticker set {i:000} - Pastel";
            line["quantity"] = 1;
            line["current_quantity"] = 1;
            line["price"] = money;
            line["price_set"] = MoneySet(money);
            line["properties"] = new JsonArray(new JsonObject { ["name"] = "Engraving", ["value"] = $"For Zoë, no. {i}" });
            items.Add(line);
            total += price;
        }
        order["line_items"] = items;
        var amount = total.ToString("0.00", CultureInfo.InvariantCulture);
        foreach (var field in new[] { "subtotal_price", "total_line_items_price", "total_price", "current_subtotal_price", "current_total_price" })
        {
            order[field] = amount;
            order[field + "_set"] = MoneySet(amount);
        }
        return order;
    }

    /// <summary>The order cancelled by the shop at <paramref name="at"/> (as orders/cancelled and the Admin API write it).</summary>
    public static JsonObject CancelledShopify(JsonObject order, DateTimeOffset at)
    {
        var cancelled = order.DeepClone().AsObject();
        cancelled["cancelled_at"] = Iso(at);
        cancelled["closed_at"] = Iso(at);
        cancelled["cancel_reason"] = "customer";
        cancelled["financial_status"] = "voided";
        cancelled["updated_at"] = Iso(at.AddSeconds(1));
        return cancelled;
    }

    /// <summary>Shopify's fulfilment sample for order <paramref name="orderId"/>, created (and last changed) at <paramref name="at"/>, with the carrier's status.</summary>
    public static JsonObject ShopifyFulfilment(long orderId, long fulfilmentId, string trackingNumber, DateTimeOffset at, string? shipmentStatus = null)
    {
        var fulfilment = ShopSamples.Json("shopify.fulfillments-create.json");
        fulfilment["id"] = fulfilmentId;
        fulfilment["order_id"] = orderId;
        fulfilment["created_at"] = Iso(at);
        fulfilment["updated_at"] = Iso(at);
        fulfilment["tracking_number"] = trackingNumber;
        fulfilment["tracking_numbers"] = new JsonArray(trackingNumber);
        fulfilment["shipment_status"] = shipmentStatus;
        return fulfilment;
    }

    /// <summary>WooCommerce's order.created sample as order <paramref name="id"/> with <paramref name="status"/>, created and last changed at the times given.</summary>
    public static JsonObject WooCommerce(long id, DateTimeOffset created, DateTimeOffset? modified = null, string status = "processing")
    {
        var order = ShopSamples.Json("woocommerce.order-created.json");
        order["id"] = id;
        order["number"] = id.ToString(CultureInfo.InvariantCulture);
        order["status"] = status;
        order["order_key"] = $"wc_order_{id}";
        var changed = modified ?? created.AddSeconds(3);
        order["date_created_gmt"] = Plain(created.UtcDateTime);
        order["date_paid_gmt"] = Plain(created.UtcDateTime);
        order["date_modified_gmt"] = Plain(changed.UtcDateTime);
        // The store's own dates are in its time zone (Berlin in the sample).
        order["date_created"] = Plain(created.ToOffset(TimeSpan.FromHours(1)).DateTime);
        order["date_paid"] = Plain(created.ToOffset(TimeSpan.FromHours(1)).DateTime);
        order["date_modified"] = Plain(changed.ToOffset(TimeSpan.FromHours(1)).DateTime);
        return order;
    }

    /// <summary>A paid Shopware order as the Admin API answers it with every association, its delivery carrying <paramref name="trackingCode"/> when given.</summary>
    public static JsonObject Shopware(string id, string number, DateTimeOffset created, string? trackingCode = null, string paymentState = "paid")
    {
        var at = created.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff+00:00", CultureInfo.InvariantCulture);
        var delivered = created.AddMinutes(10).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fff+00:00", CultureInfo.InvariantCulture);
        var codes = trackingCode is null ? "" : $"\"{trackingCode}\"";
        var deliveryUpdated = trackingCode is null ? "null" : $"\"{delivered}\"";
        var deliveryState = trackingCode is null ? "open" : "shipped";
        return JsonNode.Parse($$$"""
            {"id":"{{{id}}}","orderNumber":"{{{number}}}","orderDateTime":"{{{at}}}","createdAt":"{{{at}}}","updatedAt":null,
             "amountTotal":54.95,"amountNet":45.41,"shippingTotal":4.95,"taxStatus":"gross","currency":{"isoCode":"EUR"},
             "stateMachineState":{"technicalName":"open"},"language":{"locale":{"code":"nl-NL"}},
             "orderCustomer":{"firstName":"Sanne","lastName":"de Vries","email":"sanne.{{{number}}}@example.nl"},
             "billingAddress":{"firstName":"Sanne","lastName":"de Vries","street":"Keizersgracht 1","zipcode":"1015 CJ","city":"Amsterdam","country":{"iso":"NL"}},
             "lineItems":[{"id":"li-{{{id}}}","productId":"p1","type":"product","label":"Gezichtsserum","quantity":2,"unitPrice":25.0,"totalPrice":50.0,"payload":{"productNumber":"SERUM-30"}}],
             "transactions":[{"createdAt":"{{{at}}}","updatedAt":null,"stateMachineState":{"technicalName":"{{{paymentState}}}"},"paymentMethod":{"name":"iDEAL"}}],
             "deliveries":[{"id":"d-{{{id}}}","trackingCodes":[{{{codes}}}],"createdAt":"{{{at}}}","updatedAt":{{{deliveryUpdated}}},
               "stateMachineState":{"technicalName":"{{{deliveryState}}}"},"shippingMethod":{"name":"PostNL"},
               "shippingOrderAddress":{"firstName":"Sanne","lastName":"de Vries","street":"Keizersgracht 1","zipcode":"1015 CJ","city":"Amsterdam","phoneNumber":"06 12345678","country":{"iso":"NL"} } } ] }
            """)!.AsObject();
    }

    /// <summary>A Shopware <c>order.written</c> webhook body naming <paramref name="orderIds"/>, as event <paramref name="eventId"/>.</summary>
    public static JsonObject ShopwareWritten(string eventId, params string[] orderIds) => new()
    {
        ["data"] = new JsonObject
        {
            ["payload"] = new JsonArray([.. orderIds.Select(id => (JsonNode)new JsonObject
            {
                ["entity"] = "order", ["operation"] = "update", ["primaryKey"] = id, ["updatedFields"] = new JsonArray("stateId"),
            })]),
            ["event"] = "order.written",
        },
        ["source"] = new JsonObject { ["url"] = "https://shop.example", ["appVersion"] = "1.0.0", ["shopId"] = "dgrH7nLU6tlE", ["eventId"] = eventId },
        ["timestamp"] = 1772442000,
    };

    private static JsonObject MoneySet(string amount) => new()
    {
        ["shop_money"] = new JsonObject { ["amount"] = amount, ["currency_code"] = "EUR" },
        ["presentment_money"] = new JsonObject { ["amount"] = amount, ["currency_code"] = "EUR" },
    };

    /// <summary>ISO 8601 with the offset, as Shopify writes times.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Plain(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
