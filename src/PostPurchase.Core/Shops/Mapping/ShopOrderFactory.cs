using PostPurchase.Core.Orders;
using PostPurchase.Core.Orders.Intake.Rules;
using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.Mapping;

/// <summary>Turns a shop order snapshot into the timeline's <see cref="Order"/>: language, zone, E.164 phone, category, promise.</summary>
public static class ShopOrderFactory
{
    /// <summary>The reason a digital-only order starts no timeline, as the dashboard shows it.</summary>
    public const string NothingToShip = "Only digital items and no shipping address: nothing to ship or track, so no timeline.";

    /// <summary>
    /// The order, or null with <paramref name="skipped"/> set when it has nothing to ship. Throws <see cref="ShopPayloadException"/>
    /// when it cannot reach the buyer (no email address) or has no line to show.
    /// </summary>
    /// <param name="products">Product facts by product id, for lines whose payload has no product type.</param>
    public static Order? Build(ShopOrder shop, ShopMapping mapping, IReadOnlyDictionary<string, ProductFacts> products, out string? skipped)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(products);
        skipped = null;
        var email = shop.Buyer.Email?.Trim();
        if (email is null || !EmailAddresses.IsValid(email))
        {
            throw new ShopPayloadException(
                $"Order {shop.Number} has no usable email address ({(email is null ? "none sent: redacted by the platform or a point-of-sale order" : $"'{email}'")}); the buyer cannot be reached.");
        }
        if (shop.Lines.Count == 0)
        {
            throw new ShopPayloadException($"Order {shop.Number} has no line with a quantity above 0.");
        }
        var address = Usable(shop.Shipping) ?? Usable(shop.Billing);
        if (Usable(shop.Shipping) is null && !shop.RequiresShipping)
        {
            skipped = NothingToShip;
            return null;
        }
        if (address is null)
        {
            throw new ShopPayloadException($"Order {shop.Number} has physical items but neither a shipping nor a billing address with a street, city and country.");
        }
        var country = Countries.Normalise(address.Country!)!;
        var phone = shop.Buyer.Phones.Select(p => p.Length <= 40 ? Phones.ToE164(p, country) : null).FirstOrDefault(p => p is not null);
        var consent = phone is null ? ConsentGrant.None with { GrantedAt = shop.PlacedAt } : shop.Buyer.Consent with { GrantedAt = shop.Buyer.Consent.GrantedAt ?? shop.PlacedAt };
        var customer = new Customer(
            shop.Buyer.FirstName ?? address.FirstName ?? "",
            shop.Buyer.LastName ?? address.LastName ?? "",
            email, phone,
            (shop.Buyer.Locale is { } locale ? Locales.Reduce(locale) : null) ?? mapping.DefaultLocale,
            BuyerZones.For(country, Usable(shop.Shipping)?.Region) ?? mapping.DefaultTimeZone,
            consent);
        var items = shop.Lines.Select(l =>
        {
            var facts = l.ProductId is { } id ? products.GetValueOrDefault(id) : null;
            var category = mapping.CategoryOf(l.Sku, l.Name, l.Vendor, l.ProductType ?? facts?.ProductType, l.Tags ?? facts?.Tags);
            return new OrderItem(l.Sku, l.Name, category, l.Quantity, l.UnitPrice, Http(l.ImageUrl));
        }).ToList();
        return new Order(
            shop.OrderId, shop.PlacedAt, shop.Currency.ToUpperInvariant(), customer, items, shop.Totals,
            string.IsNullOrWhiteSpace(shop.PaymentMethod) ? "-" : shop.PaymentMethod,
            new Address(address.Line1!, address.Line2, address.PostalCode ?? "", address.City!, country),
            new DeliveryPromise(shop.PlacedAt.AddDays(mapping.ShipWithinDays), shop.PlacedAt.AddDays(Math.Max(mapping.DeliverWithinDays, mapping.ShipWithinDays))),
            [],
            shop.Number);
    }

    private static ShopAddress? Usable(ShopAddress? a) =>
        a is { Line1: not null, City: not null, Country: { } c } && Countries.Normalise(c) is not null ? a : null;

    private static string? Http(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? url : null;
}
