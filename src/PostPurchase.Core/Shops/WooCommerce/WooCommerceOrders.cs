using System.Net;
using System.Text.Json;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.WooCommerce;

/// <summary>WooCommerce's REST v3 order (webhooks and the reconciliation poll share it).</summary>
public static class WooCommerceOrders
{
    private const string Platform = ShopPlatforms.WooCommerce;

    /// <summary>Statuses that are not a placed order: block-checkout drafts, unpaid and failed payments.</summary>
    private static readonly HashSet<string> NotPlaced = new(StringComparer.OrdinalIgnoreCase) { "checkout-draft", "draft", "auto-draft", "new", "pending", "failed", "trash" };

    /// <summary>Meta keys where multilingual plugins keep the order's language (WPML, Polylang).</summary>
    private static readonly string[] LanguageKeys = ["wpml_language", "_wpml_language", "pll_language", "_pll_language"];

    /// <summary>Reads one order object.</summary>
    public static ShopOrder Read(JsonElement o)
    {
        var id = o.Id("id", Platform, "id");
        var status = o.Str("status") ?? throw new ShopPayloadException("The WooCommerce field 'status' is missing.");
        var placedAt = o.Time("date_created_gmt") ?? o.RequiredTime("date_created", Platform, "date_created_gmt");
        var updatedAt = o.Time("date_modified_gmt") ?? o.Time("date_modified") ?? placedAt;
        var includesTax = o.Bool("prices_include_tax") ?? false;
        var shipping = Address(o.Obj("shipping"));
        var physical = o.Arr("shipping_lines").Any() || shipping?.Line1 is not null;
        var lines = o.Arr("line_items").Select(l => Line(l, includesTax, physical)).Where(l => l.Quantity > 0).ToList();
        decimal Amount(string name, string tax) => (o.Dec(name) ?? 0m) + (includesTax ? o.Dec(tax) ?? 0m : 0m);
        var totals = new OrderTotals(
            lines.Sum(l => l.Quantity * l.UnitPrice), Amount("discount_total", "discount_tax"), Amount("shipping_total", "shipping_tax"),
            o.Dec("total_tax") ?? 0m, o.Dec("total") ?? 0m);
        var billing = Address(o.Obj("billing"));
        var meta = o.Arr("meta_data").ToList();
        var buyer = new ShopBuyer(
            billing?.FirstName ?? shipping?.FirstName, billing?.LastName ?? shipping?.LastName, o.Obj("billing")?.Str("email"),
            new[] { billing?.Phone, shipping?.Phone }.OfType<string>().ToList(),
            LanguageKeys.Select(k => MetaText(meta, k)).FirstOrDefault(v => v is not null),
            ConsentGrant.None);
        return new ShopOrder(
            Platform, id, o.Str("number") ?? id, placedAt, updatedAt,
            NotPlaced.Contains(status) ? $"Status '{status}': not a placed order yet." : null,
            status.Equals("cancelled", StringComparison.OrdinalIgnoreCase) ? "cancelled" : null,
            status.Equals("refunded", StringComparison.OrdinalIgnoreCase),
            o.Str("currency") ?? throw new ShopPayloadException("The WooCommerce field 'currency' is missing."),
            buyer, lines, totals, o.Str("payment_method_title") ?? o.Str("payment_method") ?? "",
            shipping?.Line1 is null ? null : shipping, billing,
            WooCommerceTracking.Read(meta, updatedAt),
            [.. o.Arr("refunds").Select(r => Refund(r, updatedAt))]);
    }

    private static ShopLine Line(JsonElement l, bool includesTax, bool physical)
    {
        var quantity = l.Int("quantity") ?? 0;
        var amount = (l.Dec("subtotal") ?? l.Dec("total") ?? 0m) + (includesTax ? l.Dec("subtotal_tax") ?? l.Dec("total_tax") ?? 0m : 0m);
        var product = l.Str("variation_id") is { } v && v != "0" ? v : l.Str("product_id");
        return new ShopLine(
            l.Id("id", Platform, "line_items[].id"),
            l.Str("product_id") is { } p && p != "0" ? p : null,
            l.Str("sku") ?? (product is not null && product != "0" ? $"product-{product}" : $"line-{l.Str("id")}"),
            WebUtility.HtmlDecode(l.Str("name") ?? "Item"),
            null,
            quantity,
            quantity > 0 ? Math.Round(amount / quantity, 2, MidpointRounding.AwayFromZero) : 0m,
            physical,
            l.Obj("image")?.Str("src"));
    }

    private static ShopRefund Refund(JsonElement r, DateTimeOffset seenAt) =>
        new(r.Id("id", Platform, "refunds[].id"), seenAt, r.Dec("total") is { } t ? Math.Abs(t) : null, false, r.Str("reason"));

    private static ShopAddress? Address(JsonElement? a) => a is not { } e ? null : new ShopAddress(
        e.Str("first_name"), e.Str("last_name"), e.Str("address_1"), e.Str("address_2"), e.Str("postcode"), e.Str("city"),
        e.Str("country"), e.Str("state"), e.Str("phone"));

    private static string? MetaText(List<JsonElement> meta, string key) =>
        meta.FirstOrDefault(m => m.Str("key") == key) is { ValueKind: JsonValueKind.Object } found ? found.Str("value") : null;
}
