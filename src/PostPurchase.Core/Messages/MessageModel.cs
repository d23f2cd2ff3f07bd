using System.Globalization;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Messages;

/// <summary>Builds the variables every template sees (see docs/messages.md); every value is defined, "" when unknown.</summary>
internal static class MessageModel
{
    public static Dictionary<string, object?> Build(TimelineMessage message, TimelineState state, MessageLinks links, Branding branding, string locale)
    {
        var order = state.Order;
        var parcel = FindParcel(message, state);
        var facts = MessageFacts.Build(message, order, parcel, locale);
        var tracking = TextCleaner.Url(links.TrackingUrl);
        var reviewUrl = FirstUrl(links.ReviewUrl, branding.ReviewUrl, order.Items.Select(i => i.ProductUrl).FirstOrDefault(u => TextCleaner.Url(u).Length > 0), tracking);
        var reviewItems = Select(order, MessageFacts.Skus(message)).Select(i => Item(i, order, locale, FirstUrl(i.ProductUrl, reviewUrl))).ToList<object?>();
        var customer = order.Customer;
        var action = LinkTargets.CallToAction(message, state, links, branding.ReviewUrl);
        // Marketing is measured: its button goes through a signed redirect that records the click.
        var measure = message.Purpose == MessagePurpose.Transactional ? null : links.Measure;

        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["locale"] = locale,
            ["intent"] = WireName.Of(message.Intent),
            ["channel"] = WireName.Of(message.Channel),
            ["shop"] = Shop(branding, locale),
            ["customer"] = new Dictionary<string, object?>
            {
                ["first_name"] = TextCleaner.Line(customer.FirstName),
                ["last_name"] = TextCleaner.Line(customer.LastName),
                ["full_name"] = TextCleaner.Line($"{customer.FirstName} {customer.LastName}"),
                ["email"] = TextCleaner.Line(customer.Email),
                ["returning"] = state.Buyer?.Returning ?? false,
                ["order_number"] = state.Buyer?.OrderNumber ?? 1,
                ["loyalty_points"] = customer.Loyalty?.Points is { } points ? points.ToString("N0", LocaleFormat.Culture(locale)) : "",
                ["loyalty_tier"] = TextCleaner.Line(customer.Loyalty?.Tier),
            },
            ["order"] = OrderModel(order, locale),
            ["parcel"] = ParcelModel(message, order, parcel, facts, locale),
            ["fact"] = facts,
            ["links"] = new Dictionary<string, object?>
            {
                ["tracking"] = tracking,
                ["review"] = reviewUrl,
                ["csat"] = FirstUrl(links.CsatUrl, tracking),
                ["unsubscribe"] = TextCleaner.Url(links.UnsubscribeUrl),
                ["action"] = TextCleaner.Url(measure is null ? action : measure(message.Key, LinkTargets.CallToActionLink)),
            },
            ["recommendations"] = Recommendations.FromFacts(message.Facts).Select(p => (object?)new Dictionary<string, object?>
            {
                ["sku"] = TextCleaner.Line(p.Sku),
                ["name"] = TextCleaner.Line(p.Name),
                ["image_url"] = TextCleaner.Url(p.ImageUrl),
                ["url"] = TextCleaner.Url(links.Measure is { } m ? m(message.Key, Recommendations.LinkOf(p.Sku)) : p.Url),
            }).ToList(),
            ["review_items"] = reviewItems,
            ["return_items"] = Select(order, MessageFacts.Skus(message)).Select(i => Item(i, order, locale, "")).ToList<object?>(),
        };
    }

    private static ParcelState? FindParcel(TimelineMessage message, TimelineState state) =>
        message.ParcelKey is null ? null
            : state.Parcels.FirstOrDefault(p => p.Key == message.ParcelKey)
              ?? state.Parcels.FirstOrDefault(p => p.Key == ParcelKey.Of(message.ParcelKey));

    private static Dictionary<string, object?> Shop(Branding branding, string locale) => new()
    {
        ["name"] = TextCleaner.Line(branding.ShopName),
        ["logo_url"] = TextCleaner.Url(branding.LogoUrl),
        ["primary_color"] = branding.PrimaryColor,
        ["accent_color"] = branding.AccentColor,
        ["support_email"] = TextCleaner.Line(branding.SupportEmail),
        ["support_phone"] = TextCleaner.Line(branding.SupportPhone),
        ["return_policy_url"] = TextCleaner.Url(branding.ReturnPolicyUrl),
        ["return_policy"] = branding.ReturnPolicySummary.TryGetValue(locale, out var summary) ? TextCleaner.Line(summary) : "",
    };

    private static Dictionary<string, object?> OrderModel(Order order, string locale)
    {
        string Money(decimal amount) => LocaleFormat.Money(amount, order.Currency, locale);
        var t = order.Totals;
        var address = order.ShippingAddress;
        var lines = new[]
        {
            $"{order.Customer.FirstName} {order.Customer.LastName}", address.Line1, address.Line2,
            $"{address.PostalCode} {address.City}", address.Country.ToUpperInvariant(),
        }.Select(TextCleaner.Line).Where(l => l.Length > 0).ToList<object?>();

        return new Dictionary<string, object?>
        {
            ["number"] = TextCleaner.Line(order.DisplayNumber ?? order.OrderId),
            ["placed_on"] = LocaleFormat.Date(order.PlacedAt, order.Customer.TimeZone, locale),
            ["currency"] = order.Currency,
            ["items"] = order.Items.Select(i => Item(i, order, locale, TextCleaner.Url(i.ProductUrl))).ToList<object?>(),
            ["item_count"] = order.Items.Sum(i => i.Quantity),
            ["subtotal"] = Money(t.Subtotal),
            ["has_discount"] = t.Discount != 0,
            ["discount"] = Money(-Math.Abs(t.Discount)),
            ["shipping"] = t.Shipping == 0 ? "" : Money(t.Shipping),
            ["tax"] = Money(t.Tax),
            ["tax_included"] = t.Subtotal - Math.Abs(t.Discount) + t.Shipping + t.Tax != t.Total,
            ["total"] = Money(t.Total),
            ["payment_method"] = TextCleaner.Line(order.PaymentMethod),
            ["ship_to"] = lines,
            ["ship_by"] = LocaleFormat.Date(order.Promise.ShipBy, order.Customer.TimeZone, locale),
            ["deliver_by"] = LocaleFormat.Date(order.Promise.DeliverBy, order.Customer.TimeZone, locale),
        };
    }

    private static Dictionary<string, object?> ParcelModel(TimelineMessage message, Order order, ParcelState? parcel, Dictionary<string, object?> facts, string locale)
    {
        var skus = parcel?.Skus ?? order.Shipments.FirstOrDefault(s => s.Key == message.ParcelKey)?.Skus ?? [];
        var carrier = Text(facts, "carrier") ?? TextCleaner.Line(parcel?.Carrier ?? FindShipment(order, message)?.Carrier);
        return new Dictionary<string, object?>
        {
            ["present"] = message.ParcelKey is not null,
            ["carrier"] = carrier,
            ["tracking_number"] = Text(facts, "trackingNumber") ?? TextCleaner.Line(parcel?.TrackingNumber ?? FindShipment(order, message)?.TrackingNumber ?? message.ParcelKey),
            ["tracking_url"] = TextCleaner.Url(parcel?.CarrierTrackingUrl),
            ["whole_order"] = skus.Count == 0,
            ["items"] = Select(order, skus).Select(i => Item(i, order, locale, "")).ToList<object?>(),
            ["location"] = Text(facts, "location") ?? TextCleaner.Line(parcel?.LastLocation),
            // An estimate helps while the parcel travels; once delivered, returning or waiting at a pick-up point it only confuses.
            ["estimate"] = message.Intent is Intent.Shipped or Intent.DeliveryFailedAttempt or Intent.DeliveryException ? facts["carrierEstimate"] : "",
        };
    }

    private static ShipmentRef? FindShipment(Order order, TimelineMessage message) =>
        order.Shipments.FirstOrDefault(s => s.Key == message.ParcelKey);

    private static string? Text(Dictionary<string, object?> facts, string key) =>
        facts.TryGetValue(key, out var value) && value is string { Length: > 0 } text ? text : null;

    private static IEnumerable<OrderItem> Select(Order order, IReadOnlyList<string> skus) =>
        skus.Count == 0
            ? order.Items
            : skus.Distinct(StringComparer.OrdinalIgnoreCase).Select(sku =>
                order.Items.FirstOrDefault(i => string.Equals(i.Sku, sku, StringComparison.OrdinalIgnoreCase))
                ?? new OrderItem(sku, sku, "", 1, 0m));

    private static Dictionary<string, object?> Item(OrderItem item, Order order, string locale, string url) => new()
    {
        ["sku"] = TextCleaner.Line(item.Sku),
        ["name"] = TextCleaner.Line(item.Name),
        ["quantity"] = item.Quantity,
        ["unit_price"] = LocaleFormat.Money(item.UnitPrice, order.Currency, locale),
        ["line_total"] = LocaleFormat.Money(item.UnitPrice * item.Quantity, order.Currency, locale),
        ["image_url"] = TextCleaner.Url(item.ImageUrl),
        ["url"] = url,
    };

    private static string FirstUrl(params string?[] urls) =>
        urls.Select(TextCleaner.Url).FirstOrDefault(u => u.Length > 0) ?? "";
}
