using System.Text.Json;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.Shopify;

/// <summary>Shopify's REST-shaped Order, Fulfillment and Refund (webhooks and the catch-up read share it).</summary>
internal static class ShopifyOrders
{
    private const string Platform = ShopPlatforms.Shopify;

    public static ShopOrder Read(JsonElement o)
    {
        var id = o.Id("id", Platform, "id");
        var placedAt = o.Time("processed_at") ?? o.RequiredTime("created_at", Platform, "created_at");
        // An edit drops a line's current_quantity to 0; a cancelled order has every line at 0 and is shown as it was bought.
        var all = o.Arr("line_items").ToList();
        var current = all.Any(l => (l.Int("current_quantity") ?? l.Int("quantity") ?? 0) > 0);
        var lines = all.Select(l => Line(l, current)).Where(l => l.Quantity > 0).ToList();
        var subtotal = lines.Sum(l => l.Quantity * l.UnitPrice);
        var totals = new OrderTotals(
            subtotal,
            Money(o, "current_total_discounts") ?? Money(o, "total_discounts") ?? 0m,
            Money(o, "current_shipping_price") ?? Money(o, "total_shipping_price") ?? 0m,
            Money(o, "current_total_tax") ?? Money(o, "total_tax") ?? 0m,
            Money(o, "current_total_price") ?? Money(o, "total_price") ?? subtotal);
        var cancelled = o.Time("cancelled_at") is not null ? o.Str("cancel_reason") ?? "cancelled" : null;
        return new ShopOrder(
            Platform, id, o.Str("name") ?? $"#{o.Str("order_number") ?? id}", placedAt,
            o.Time("updated_at") ?? placedAt,
            o.Bool("test") == true ? "A test order (test: true)." : null,
            cancelled,
            o.Str("financial_status") == "refunded",
            o.Str("presentment_currency") ?? o.Str("currency") ?? throw new ShopPayloadException("The Shopify field 'currency' is missing."),
            Buyer(o),
            lines,
            totals,
            string.Join(", ", o.Arr("payment_gateway_names").Select(g => g.GetString()).Where(g => !string.IsNullOrWhiteSpace(g))),
            Address(o.Obj("shipping_address")),
            Address(o.Obj("billing_address")),
            [.. o.Arr("fulfillments").Select(Fulfilment)],
            [.. o.Arr("refunds").Select(Refund)]);
    }

    public static ShopFulfilment Fulfilment(JsonElement f)
    {
        var created = f.RequiredTime("created_at", Platform, "created_at");
        var numbers = f.Arr("tracking_numbers").Select(n => n.ValueKind == JsonValueKind.String ? n.GetString() : null).OfType<string>().Where(n => n.Trim().Length > 0).ToList();
        if (numbers.Count == 0 && f.Str("tracking_number") is { } single)
        {
            numbers.Add(single);
        }
        var urls = f.Arr("tracking_urls").Select(n => n.ValueKind == JsonValueKind.String ? n.GetString() : null).OfType<string>().ToList();
        if (urls.Count == 0 && f.Str("tracking_url") is { } url)
        {
            urls.Add(url);
        }
        var status = f.Str("status");
        return new ShopFulfilment(
            f.Id("id", Platform, "id"), created, f.Time("updated_at") ?? created,
            f.Str("tracking_company") ?? "",
            numbers, urls,
            [.. f.Arr("line_items").Select(l => Sku(l))],
            f.Str("shipment_status"),
            status is "cancelled" or "error");
    }

    public static ShopRefund Refund(JsonElement r)
    {
        var paid = r.Arr("transactions").Where(t => t.Str("kind") == "refund" && t.Str("status") == "success").Select(t => t.Dec("amount") ?? 0m).ToList();
        var lines = r.Arr("refund_line_items").ToList();
        decimal? amount = paid.Count > 0 ? paid.Sum()
            : lines.Count > 0 ? lines.Sum(l => (Money(l, "subtotal") ?? 0m) + (Money(l, "total_tax") ?? 0m))
            : null;
        var returned = r.Obj("return") is not null || lines.Any(l => l.Str("restock_type") == "return");
        return new ShopRefund(r.Id("id", Platform, "id"), r.Time("processed_at") ?? r.RequiredTime("created_at", Platform, "created_at"), amount, returned, r.Str("note"));
    }

    /// <summary>The amount the buyer saw (<c>{name}_set.presentment_money</c>), else the plain field.</summary>
    private static decimal? Money(JsonElement e, string name) =>
        e.Obj(name + "_set")?.Obj("presentment_money")?.Dec("amount") ?? e.Dec(name);

    private static ShopLine Line(JsonElement l, bool current) => new(
        l.Id("id", Platform, "line_items[].id"),
        l.Str("product_id"),
        Sku(l),
        l.Str("name") ?? l.Str("title") ?? "Item",
        l.Str("vendor"),
        (current ? l.Int("current_quantity") : null) ?? l.Int("quantity") ?? 0,
        l.Obj("price_set")?.Obj("presentment_money")?.Dec("amount") ?? l.Dec("price") ?? 0m,
        l.Bool("requires_shipping") ?? true);

    /// <summary>The SKU, or a stand-in from the variant/product/line id for custom items without one.</summary>
    private static string Sku(JsonElement l) =>
        l.Str("sku") ?? (l.Str("variant_id") is { } v ? $"variant-{v}" : l.Str("product_id") is { } p ? $"product-{p}" : $"line-{l.Str("id")}");

    private static ShopBuyer Buyer(JsonElement o)
    {
        var customer = o.Obj("customer");
        var shipping = o.Obj("shipping_address");
        var billing = o.Obj("billing_address");
        var phones = new[] { o.Str("phone"), shipping?.Str("phone"), billing?.Str("phone"), customer?.Str("phone") }.OfType<string>().ToList();
        var locale = o.Str("customer_locale") ?? o.Obj("client_details")?.Str("accept_language")?.Split(',')[0];
        return new ShopBuyer(
            customer?.Str("first_name") ?? shipping?.Str("first_name") ?? billing?.Str("first_name"),
            customer?.Str("last_name") ?? shipping?.Str("last_name") ?? billing?.Str("last_name"),
            o.Str("email") ?? o.Str("contact_email") ?? customer?.Str("email"),
            phones, locale, Consent(customer));
    }

    /// <summary>SMS marketing consent, with its level and time as the proof; email marketing needs no opt-in here and is not read.</summary>
    private static ConsentGrant Consent(JsonElement? customer)
    {
        if (customer?.Obj("sms_marketing_consent") is not { } sms || sms.Str("state") != "subscribed")
        {
            return ConsentGrant.None;
        }
        var level = sms.Str("opt_in_level") ?? "unknown";
        var from = sms.Str("consent_collected_from") ?? "shopify";
        return new ConsentGrant(true, false, true, $"shopify:sms_marketing_consent:{from.ToLowerInvariant()}", level, sms.Time("consent_updated_at"));
    }

    private static ShopAddress? Address(JsonElement? a) => a is not { } e ? null : new ShopAddress(
        e.Str("first_name"), e.Str("last_name"), e.Str("address1"), e.Str("address2"), e.Str("zip"), e.Str("city"),
        e.Str("country_code"), e.Str("province_code"), e.Str("phone"));
}
