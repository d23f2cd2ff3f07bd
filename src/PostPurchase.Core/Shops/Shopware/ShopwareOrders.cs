using System.Text.Json;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.Shopware;

/// <summary>A Shopware 6 order read from the Admin API with its line items, deliveries, transactions, customer, currency and language.</summary>
public static class ShopwareOrders
{
    private const string Platform = ShopPlatforms.Shopware;

    /// <summary>Payment states that make an order placed: paid, or open (invoice, prepayment) and its kin.</summary>
    private static readonly HashSet<string> Placed = new(StringComparer.OrdinalIgnoreCase)
    {
        "open", "paid", "paid_partially", "authorized", "in_progress", "reminded", "unconfirmed", "refunded_partially",
    };

    /// <summary>Reads one order entity (plain JSON, not JSON:API).</summary>
    public static ShopOrder Read(JsonElement o)
    {
        var id = o.Id("id", Platform, "id");
        var placedAt = o.Time("orderDateTime") ?? o.RequiredTime("createdAt", Platform, "orderDateTime");
        var deliveries = o.Arr("deliveries").ToList();
        var transactions = o.Arr("transactions").OrderBy(t => t.Time("createdAt") ?? placedAt).ToList();
        var updatedAt = new[] { o.Time("updatedAt") ?? o.Time("createdAt") ?? placedAt }
            .Concat(deliveries.Concat(transactions).Select(x => x.Time("updatedAt") ?? x.Time("createdAt") ?? placedAt)).Max();
        var items = o.Arr("lineItems").ToList();
        var lines = items.Where(l => l.Str("type") is null or "product" or "custom").Select(Line).Where(l => l.Quantity > 0).ToList();
        var promotions = items.Where(l => l.Str("type") is "promotion" or "discount").Sum(l => l.Dec("totalPrice") ?? 0m);
        var total = o.Dec("amountTotal") ?? 0m;
        var totals = new OrderTotals(lines.Sum(l => l.Quantity * l.UnitPrice), Math.Abs(promotions), o.Dec("shippingTotal") ?? 0m,
            total - (o.Dec("amountNet") ?? total), total);
        var payment = transactions.LastOrDefault();
        var paymentState = payment.ValueKind == JsonValueKind.Object ? State(payment) : null;
        var orderState = State(o);
        var shipping = deliveries.Select(d => Address(d.Obj("shippingOrderAddress"))).FirstOrDefault(a => a is not null);
        var billing = Address(o.Obj("billingAddress"));
        var customer = o.Obj("orderCustomer");
        return new ShopOrder(
            Platform, id, o.Str("orderNumber") ?? id, placedAt, updatedAt,
            paymentState is null || Placed.Contains(paymentState) ? null : $"Payment state '{paymentState}': not a placed order.",
            orderState == "cancelled" ? "cancelled" : null,
            paymentState == "refunded",
            o.Obj("currency")?.Str("isoCode") ?? throw new ShopPayloadException("The Shopware field 'currency.isoCode' is missing; read the order with its currency."),
            new ShopBuyer(
                customer?.Str("firstName") ?? shipping?.FirstName, customer?.Str("lastName") ?? shipping?.LastName, customer?.Str("email"),
                new[] { shipping?.Phone, billing?.Phone }.OfType<string>().ToList(),
                o.Obj("language")?.Obj("locale")?.Str("code"), ConsentGrant.None),
            lines, totals,
            payment.ValueKind == JsonValueKind.Object ? payment.Obj("paymentMethod")?.Str("name") ?? "" : "",
            shipping, billing,
            [.. deliveries.Where(d => d.Arr("trackingCodes").Any()).Select(d => Delivery(d, placedAt))],
            []);
    }

    private static ShopLine Line(JsonElement l) => new(
        l.Id("id", Platform, "lineItems[].id"),
        l.Str("productId"),
        l.Obj("payload")?.Str("productNumber") ?? (l.Str("productId") is { } p ? $"product-{p}" : $"line-{l.Str("id")}"),
        l.Str("label") ?? "Item",
        l.Obj("payload")?.Obj("manufacturer")?.Str("name"),
        l.Int("quantity") ?? 0,
        l.Dec("unitPrice") ?? 0m,
        l.Obj("states") is null || !(l.Arr("states").Any(s => s.GetString() == "is-download") && !l.Arr("states").Any(s => s.GetString() == "is-physical")),
        l.Obj("cover")?.Str("url"));

    private static ShopFulfilment Delivery(JsonElement d, DateTimeOffset placedAt)
    {
        var at = d.Time("updatedAt") ?? d.Time("createdAt") ?? placedAt;
        var numbers = d.Arr("trackingCodes").Select(c => c.GetString()).OfType<string>().Where(c => c.Trim().Length > 0).ToList();
        return new ShopFulfilment(d.Id("id", Platform, "deliveries[].id"), at, at, d.Obj("shippingMethod")?.Str("name") ?? "", numbers, [], [],
            null, State(d) == "cancelled");
    }

    private static string? State(JsonElement e) => e.Obj("stateMachineState")?.Str("technicalName");

    private static ShopAddress? Address(JsonElement? a) => a is not { } e ? null : new ShopAddress(
        e.Str("firstName"), e.Str("lastName"), e.Str("street"), e.Str("additionalAddressLine1"), e.Str("zipcode"), e.Str("city"),
        e.Obj("country")?.Str("iso"), e.Obj("countryState")?.Str("shortCode")?.Split('-').Last(), e.Str("phoneNumber"));
}
