namespace PostPurchase.Core.Studio;

/// <summary>The variables every template sees (docs/messages.md), listed beside the editor; nothing else is reachable.</summary>
public static class TemplateVariables
{
    /// <summary>Name and meaning, in the order the editor lists them.</summary>
    public static IReadOnlyList<(string Name, string Meaning)> All { get; } =
    [
        ("locale, intent, channel", "wire names of the message"),
        ("shop.name, shop.logo_url, shop.primary_color, shop.accent_color", "branding"),
        ("shop.support_email, shop.support_phone, shop.return_policy_url, shop.return_policy", "contacts and the return policy for this locale"),
        ("customer.first_name, customer.last_name, customer.full_name, customer.email", "the buyer"),
        ("order.number, order.placed_on, order.currency, order.payment_method", "the order"),
        ("order.items[] (sku, name, quantity, unit_price, line_total, image_url, url)", "order lines"),
        ("order.item_count, order.subtotal, order.has_discount, order.discount, order.shipping, order.tax, order.tax_included, order.total", "totals, formatted for the locale"),
        ("order.ship_to[], order.ship_by, order.deliver_by", "address lines and the promise"),
        ("parcel.present, parcel.carrier, parcel.tracking_number, parcel.tracking_url, parcel.location, parcel.estimate", "the parcel of per-parcel messages"),
        ("parcel.whole_order, parcel.items[]", "what the parcel holds"),
        ("links.tracking, links.review, links.csat, links.unsubscribe", "signed buyer links"),
        ("review_items[], return_items[], list[]", "items to review, to return, or that the message lists"),
        ("cta.url, cta.label", "the button"),
        ("fact.*", "the decider's facts for this intent (carrier, cause, days, reason, ...)"),
        ("t.subject, t.heading, t.intro, t.detail, t.short, t.sms, t.cta, t.list_title", "the built-in words of this intent in this locale"),
        ("content", "layout templates only: the rendered body"),
    ];
}
