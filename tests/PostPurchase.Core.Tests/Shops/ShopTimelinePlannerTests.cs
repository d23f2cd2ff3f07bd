using System.Text.Json.Nodes;
using System.Text;
using PostPurchase.Core.Shops.Mapping;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopify;
using PostPurchase.Core.Shops.WooCommerce;
using PostPurchase.Core.Shops;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Core.Tests.Shops;

public sealed class ShopTimelinePlannerTests
{
    private static readonly ShopMapping Mapping = new(Categories: [new CategoryRule("apparel", SkuPrefix: "BEANIE-")]);
    private static readonly Dictionary<string, ProductFacts> NoProducts = [];

    /// <summary>When the samples (placed 2 March 2026 and shipped that week) reach PostPurchase.</summary>
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plan_ShopifyOrderCreated_PlacesTheOrderAsTheBuyerKnowsIt()
    {
        var (plan, _) = Apply(Shopify("orders/create", "shopify.orders-create.json"));

        var order = Assert.IsType<OrderPlaced>(Assert.Single(plan.Inputs)).Order;
        Assert.Equal("shopify-5812345678901", order.OrderId);
        Assert.Equal("#1042", order.DisplayNumber);
        Assert.Equal("de", order.Customer.Locale);
        Assert.Equal("Europe/Berlin", order.Customer.TimeZone);
        Assert.Equal("+4915123456789", order.Customer.Phone);
        Assert.Equal(77.40m, order.Totals.Total);
        Assert.Equal(72.50m, order.Totals.Subtotal);
        Assert.Equal(4.90m, order.Totals.Shipping);
        Assert.Equal(["BEANIE-MER-CHR", "SOCK-TRL-L-BLU"], order.Items.Select(i => i.Sku));
        Assert.Equal("apparel", order.Items[0].Category);
        Assert.Equal("other", order.Items[1].Category);
        Assert.False(order.Customer.Consent.Sms);
    }

    [Fact]
    public void Plan_FulfilmentThenDeliveredUpdate_RegistersTheParcelWithItsItemsThenDelivers()
    {
        var (first, record) = Apply(Shopify("orders/create", "shopify.orders-create.json"));
        var (shipped, afterShip) = Apply(Shopify("fulfillments/create", "shopify.fulfillments-create.json"), record with { });
        var (delivered, _) = Apply(Shopify("fulfillments/update", "shopify.fulfillments-update.json"), afterShip);

        Assert.Single(first.Inputs);
        var registered = Assert.IsType<ShipmentRegistered>(shipped.Inputs[0]).Shipment;
        Assert.Equal("JD014600003928170021", registered.TrackingNumber);
        Assert.Equal(["BEANIE-MER-CHR"], registered.Skus);
        Assert.Equal(TrackingStatus.InTransit, Assert.IsType<TrackingUpdated>(shipped.Inputs[1]).Event.Status);
        var last = Assert.IsType<TrackingUpdated>(Assert.Single(delivered.Inputs)).Event;
        Assert.Equal(TrackingStatus.Delivered, last.Status);
        Assert.Equal("#1042", last.OrderReference);
    }

    [Fact]
    public void Plan_SameDeliveryTwiceOrOlderSnapshotAfterNewer_GivesNothingNew()
    {
        var (_, record) = Apply(Shopify("orders/create", "shopify.orders-create.json"));
        var (_, withDelivered) = Apply(Shopify("fulfillments/update", "shopify.fulfillments-update.json"), record);

        var (repeat, _) = Apply(Shopify("fulfillments/update", "shopify.fulfillments-update.json"), withDelivered);
        var (older, olderRecord) = Apply(Shopify("fulfillments/create", "shopify.fulfillments-create.json"), withDelivered);

        Assert.Empty(repeat.Inputs);
        Assert.Empty(older.Inputs);
        Assert.Equal("delivered", Assert.Single(olderRecord.Fulfilments).ShipmentStatus);
    }

    [Fact]
    public void Plan_ShopifyCancelled_CancelsWithSourceShop()
    {
        var (_, record) = Apply(Shopify("orders/create", "shopify.orders-cancelled.json", n => { n.Remove("cancelled_at"); n["updated_at"] = "2026-03-02T11:00:00+01:00"; }));
        var (plan, _) = Apply(Shopify("orders/cancelled", "shopify.orders-cancelled.json"), record);

        var cancelled = Assert.IsType<OrderCancelled>(Assert.Single(plan.Inputs));
        Assert.Equal("shop", cancelled.Source);
        Assert.Equal("customer", cancelled.Reason);
    }

    [Fact]
    public void Plan_PartialRefundThenTheRest_RecordsPartialThenFull()
    {
        var (_, record) = Apply(Shopify("orders/create", "shopify.orders-create.json"));
        var (partial, afterPartial) = Apply(Shopify("refunds/create", "shopify.refunds-create.json"), record);
        var rest = ShopifyDeliveries.Read("refunds/create", Json(ShopSamples.Body("shopify.refunds-create.json"), n =>
        {
            n["id"] = 987654321013;
            n["transactions"] = new JsonArray(new JsonObject { ["kind"] = "refund", ["status"] = "success", ["amount"] = "62.90" });
        }));
        var (full, _) = Apply(rest, afterPartial);

        var first = Assert.IsType<OrderRefunded>(Assert.Single(partial.Inputs));
        Assert.True(first.Partial);
        Assert.Equal(14.50m, first.Amount);
        Assert.False(Assert.IsType<OrderRefunded>(Assert.Single(full.Inputs)).Partial);
    }

    [Fact]
    public void Plan_WooCommerceUpdateWithTwoTrackingItems_RegistersTwoParcels()
    {
        var (plan, _) = Apply(Woo("order.updated", "woocommerce.order-updated.json"));

        Assert.IsType<OrderPlaced>(plan.Inputs[0]);
        var parcels = plan.Inputs.OfType<ShipmentRegistered>().Select(s => s.Shipment).ToList();
        Assert.Equal(["00340434161094012345", "H1234567890123456789"], parcels.Select(p => p.TrackingNumber));
        Assert.Equal(["Deutsche Post DHL", "Hermes"], parcels.Select(p => p.Carrier));
        var shipped = plan.Inputs.OfType<TrackingUpdated>().Select(t => t.Event).ToList();
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772496000), shipped[0].OccurredAt);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1772539200), shipped[1].OccurredAt);
        Assert.Equal("https://www.myhermes.de/empfangen/sendungsverfolgung/sendungsinformation/#H1234567890123456789", shipped[1].CarrierTrackingUrl);
    }

    [Theory]
    [InlineData("checkout-draft")]
    [InlineData("pending")]
    [InlineData("failed")]
    public void Plan_WooCommerceOrderNotPlaced_StartsNoTimeline(string status)
    {
        var (plan, record) = Apply(Woo("order.created", "woocommerce.order-created.json", n => n["status"] = status));

        Assert.Empty(plan.Inputs);
        Assert.False(record.Placed);
        Assert.Contains(status, plan.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_WooCommerceOrderCreated_ReadsLanguageFromWpmlAndTotalsWithTax()
    {
        var order = Assert.IsType<OrderPlaced>(Apply(Woo("order.created", "woocommerce.order-created.json")).Plan.Inputs[0]).Order;

        Assert.Equal("woocommerce-4711", order.OrderId);
        Assert.Equal("de", order.Customer.Locale);
        Assert.Equal(order.Totals.Total, order.Totals.Subtotal - order.Totals.Discount + order.Totals.Shipping);
    }

    [Fact]
    public void Plan_MultiCurrencyOrder_UsesWhatTheBuyerSaw()
    {
        var delivery = Shopify("orders/create", "shopify.orders-create.json", n =>
        {
            n["presentment_currency"] = "PLN";
            n["total_price_set"]!["presentment_money"]!["amount"] = "331.00";
            n["current_total_price_set"]!["presentment_money"]!["amount"] = "331.00";
            foreach (var line in n["line_items"]!.AsArray())
            {
                line!["price_set"]!["presentment_money"]!["amount"] = "124.00";
            }
        });

        var order = Assert.IsType<OrderPlaced>(Apply(delivery).Plan.Inputs[0]).Order;

        Assert.Equal("PLN", order.Currency);
        Assert.Equal(331.00m, order.Totals.Total);
        Assert.All(order.Items, i => Assert.Equal(124.00m, i.UnitPrice));
    }

    [Fact]
    public void Plan_NoPhoneAnywhere_PlacesWithoutPhoneAndWithoutTextConsent()
    {
        var delivery = Shopify("orders/create", "shopify.orders-create.json", n =>
        {
            n.Remove("phone");
            n["customer"]!.AsObject().Remove("phone");
            n["customer"]!["sms_marketing_consent"] = new JsonObject { ["state"] = "subscribed", ["opt_in_level"] = "single_opt_in" };
            n["shipping_address"]!.AsObject().Remove("phone");
            n["billing_address"]!.AsObject().Remove("phone");
        });

        var order = Assert.IsType<OrderPlaced>(Apply(delivery).Plan.Inputs[0]).Order;

        Assert.Null(order.Customer.Phone);
        Assert.False(order.Customer.Consent.Sms);
    }

    [Fact]
    public void Plan_SmsMarketingConsent_IsKeptWithItsProof()
    {
        var delivery = Shopify("orders/create", "shopify.orders-create.json", n =>
            n["customer"]!["sms_marketing_consent"] = new JsonObject
            {
                ["state"] = "subscribed", ["opt_in_level"] = "confirmed_opt_in", ["consent_updated_at"] = "2026-03-02T10:15:40+01:00", ["consent_collected_from"] = "SHOPIFY",
            });

        var consent = Assert.IsType<OrderPlaced>(Apply(delivery).Plan.Inputs[0]).Order.Customer.Consent;

        Assert.True(consent.Sms);
        Assert.True(consent.Marketing);
        Assert.Equal("shopify:sms_marketing_consent:shopify", consent.Source);
        Assert.Equal("confirmed_opt_in", consent.WordingVersion);
        Assert.Equal(DateTimeOffset.Parse("2026-03-02T09:15:40Z", System.Globalization.CultureInfo.InvariantCulture), consent.GrantedAt);
    }

    [Fact]
    public void Plan_DigitalOnlyOrderWithoutShippingAddress_StartsNoTimeline()
    {
        var delivery = Shopify("orders/create", "shopify.orders-create.json", n =>
        {
            n.Remove("shipping_address");
            foreach (var line in n["line_items"]!.AsArray())
            {
                line!["requires_shipping"] = false;
            }
        });

        var (plan, _) = Apply(delivery);

        Assert.Empty(plan.Inputs);
        Assert.Equal(ShopOrderFactory.NothingToShip, plan.Skipped);
    }

    [Fact]
    public void Plan_NoEmail_RefusesNamingTheOrder()
    {
        var delivery = Shopify("orders/create", "shopify.orders-create.json", n =>
        {
            n.Remove("email");
            n.Remove("contact_email");
            n["customer"]!.AsObject().Remove("email");
        });

        var ex = Assert.Throws<ShopPayloadException>(() => Apply(delivery));

        Assert.Contains("#1042", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_TwoHundredFiftyLines_PlacesEveryLine()
    {
        var delivery = Shopify("orders/create", "shopify.orders-create.json", n =>
        {
            var template = n["line_items"]![0]!.ToJsonString();
            var lines = new JsonArray();
            for (var i = 0; i < 250; i++)
            {
                var line = JsonNode.Parse(template)!;
                line["id"] = 20000000000000L + i;
                line["sku"] = $"BULK-{i:D3}";
                line["product_id"] = 9000000000000L + i;
                lines.Add(line);
            }
            n["line_items"] = lines;
        });

        var order = Assert.IsType<OrderPlaced>(Apply(delivery).Plan.Inputs[0]).Order;

        Assert.Equal(250, order.Items.Count);
        Assert.Equal(250 * 2 * 29.00m, order.Totals.Subtotal);
    }

    [Fact]
    public void Plan_ProductTypeFromTheCatalogue_GivesTheCategory()
    {
        var products = new Dictionary<string, ProductFacts> { ["8123456789020"] = new("Skincare", []) };
        var delivery = Shopify("orders/create", "shopify.orders-create.json");
        var record = ShopOrderRecord.Empty(delivery.Platform, delivery.ShopOrderId).Merge(delivery, out _);

        var order = Assert.IsType<OrderPlaced>(ShopTimelinePlanner.Plan(record, Mapping, products, Now).Inputs[0]).Order;

        Assert.Equal("skincare", order.Items.Single(i => i.Sku == "SOCK-TRL-L-BLU").Category);
    }

    [Fact]
    public void Plan_FulfilmentBeforeTheOrder_IsKeptAndGivenOncePlaced()
    {
        var (early, record) = Apply(Shopify("fulfillments/create", "shopify.fulfillments-create.json"));
        var (placed, _) = Apply(Shopify("orders/create", "shopify.orders-create.json"), record);

        Assert.Empty(early.Inputs);
        Assert.IsType<OrderPlaced>(placed.Inputs[0]);
        Assert.IsType<ShipmentRegistered>(placed.Inputs[1]);
    }

    [Fact]
    public void Plan_OrderPlacedLongerAgoThanTheMaxOrderAge_NoTimelineAndTheReason()
    {
        var delivery = Shopify("orders/updated", "shopify.orders-updated.json");
        var record = ShopOrderRecord.Empty(delivery.Platform, delivery.ShopOrderId).Merge(delivery, out _);

        var plan = ShopTimelinePlanner.Plan(record, Mapping with { MaxOrderAge = TimeSpan.FromDays(7) }, NoProducts, Now.AddDays(9));

        Assert.Empty(plan.Inputs);
        Assert.False(plan.Record.Placed);
        Assert.StartsWith("Placed 2026-03-02, 9 days before it reached PostPurchase", plan.Skipped, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OrderWithinTheMaxOrderAge_Placed()
    {
        var delivery = Shopify("orders/create", "shopify.orders-create.json");
        var record = ShopOrderRecord.Empty(delivery.Platform, delivery.ShopOrderId).Merge(delivery, out _);

        var plan = ShopTimelinePlanner.Plan(record, Mapping with { MaxOrderAge = TimeSpan.FromDays(7) }, NoProducts, Now.AddDays(6));

        Assert.IsType<OrderPlaced>(Assert.Single(plan.Inputs));
    }

    private static (ShopTimelinePlan Plan, ShopOrderRecord Record) Apply(ShopDelivery delivery, ShopOrderRecord? record = null)
    {
        var merged = (record ?? ShopOrderRecord.Empty(delivery.Platform, delivery.ShopOrderId)).Merge(delivery, out _);
        var plan = ShopTimelinePlanner.Plan(merged, Mapping, NoProducts, Now);
        return (plan, plan.Record);
    }

    private static ShopDelivery Shopify(string topic, string file, Action<JsonObject>? change = null) =>
        ShopifyDeliveries.Read(topic, Json(ShopSamples.Body(file), change));

    private static ShopDelivery Woo(string topic, string file, Action<JsonObject>? change = null) =>
        WooCommerceDeliveries.Read(topic, Json(ShopSamples.Body(file), change));

    private static byte[] Json(byte[] body, Action<JsonObject>? change)
    {
        if (change is null)
        {
            return body;
        }
        var node = JsonNode.Parse(body)!.AsObject();
        change(node);
        return Encoding.UTF8.GetBytes(node.ToJsonString());
    }
}
