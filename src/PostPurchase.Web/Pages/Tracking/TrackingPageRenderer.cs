using System.Globalization;
using System.Text;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>Renders the buyer's tracking page as one server-side HTML document (no framework, no external requests of its own).</summary>
public static class TrackingPageRenderer
{
    /// <summary>The full page.</summary>
    public static string Render(TrackingPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Text;
        var order = model.State.Order;
        var html = new StringBuilder(16_384);
        Header(html, model);
        html.Append("<main id=\"main\" class=\"wrap\">");
        if (model.Notice is { } notice && IsKnownNotice(notice))
        {
            html.Append("<p class=\"notice\" role=\"status\" data-testid=\"notice\">").Append(Html.E(t[$"done.{notice}"])).Append("</p>");
        }
        html.Append("<h1>").Append(Html.E(t.Format("pageTitle", order.OrderId))).Append("</h1>")
            .Append("<p class=\"muted\">").Append(Html.E(t.Format("placedOn", model.Date(order.PlacedAt)))).Append("</p>");
        StatusCard(html, model);
        TrackingTimelineRenderer.Render(html, model);
        TrackingActionsRenderer.Render(html, model);
        Items(html, model);
        TrackingGrowthRenderer.Render(html, model);
        Details(html, model);
        html.Append("</main>");
        Footer(html, model);
        return PageLayout.Render(t.Locale, t.Format("pageTitle", order.OrderId), model.Branding, html.ToString(), "track");
    }

    /// <summary>The confirmation step before a cancellation is sent.</summary>
    public static string RenderCancelConfirmation(TrackingPageModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Text;
        var html = new StringBuilder(4096);
        Header(html, model);
        html.Append("<main id=\"main\" class=\"wrap\"><section class=\"card\" aria-labelledby=\"confirm-h\">")
            .Append("<h1 id=\"confirm-h\">").Append(Html.E(t["cancel.confirmHeading"])).Append("</h1>")
            .Append("<p>").Append(Html.E(t.Format("cancel.confirmText", model.State.Order.DisplayNumber ?? model.State.Order.OrderId))).Append("</p>")
            .Append("<form method=\"post\" action=\"").Append(Html.E(model.BasePath)).Append("/cancel\">")
            .Append(PageLayout.Antiforgery(model.Antiforgery))
            .Append("<input type=\"hidden\" name=\"lang\" value=\"").Append(Html.E(t.Locale)).Append("\">")
            .Append("<input type=\"hidden\" name=\"confirm\" value=\"yes\">")
            .Append("<button type=\"submit\" class=\"danger\" data-testid=\"cancel-confirm\">").Append(Html.E(t["cancel.confirmButton"])).Append("</button> ")
            .Append("<a class=\"button secondary\" href=\"").Append(Html.E(model.BasePath)).Append("?lang=").Append(Html.E(t.Locale)).Append("\">")
            .Append(Html.E(t["cancel.keep"])).Append("</a></form></section></main>");
        return PageLayout.Render(t.Locale, t["cancel.confirmHeading"], model.Branding, html.ToString(), "track");
    }

    private static bool IsKnownNotice(string notice) => notice is "cancelled" or "return" or "rated" or "consent";

    private static void Header(StringBuilder html, TrackingPageModel model)
    {
        var b = model.Branding;
        html.Append("<header class=\"brand\"><div class=\"wrap\">");
        if (b.LogoUrl is not null)
        {
            html.Append("<img class=\"logo\" src=\"").Append(Html.Url(b.LogoUrl)).Append("\" alt=\"").Append(Html.E(b.ShopName)).Append("\" height=\"32\">");
        }
        html.Append("<span class=\"shop\">").Append(Html.E(b.ShopName)).Append("</span></div></header>");
    }

    private static void StatusCard(StringBuilder html, TrackingPageModel model)
    {
        var t = model.Text;
        var state = model.State;
        html.Append("<section class=\"card status\" aria-labelledby=\"status-h\"><h2 id=\"status-h\">").Append(Html.E(t["statusHeading"])).Append("</h2>")
            .Append("<p class=\"status-label\" data-testid=\"order-status\" data-status=\"").Append(WireName.Of(state.Status)).Append("\">")
            .Append(Html.E(t[$"status.{WireName.Of(state.Status)}"])).Append("</p>");
        if (state.DeliveredAt is { } delivered)
        {
            html.Append("<p>").Append(Html.E(t.Format("deliveredOn", model.Date(delivered)))).Append("</p>");
        }
        else if (state.Status is not (Core.Timeline.OrderStatus.Cancelled or Core.Timeline.OrderStatus.Refunded))
        {
            html.Append("<p><strong>").Append(Html.E(t["expectedDelivery"])).Append(":</strong> <span data-testid=\"expected-delivery\">")
                .Append(Html.E(model.Date(model.Allowed.ExpectedDelivery))).Append("</span>");
            if (model.Allowed.ExpectedDeliveryMoved)
            {
                html.Append(" <span class=\"moved\" data-testid=\"expected-moved\">").Append(Html.E(t.Format("expectedMoved", model.Date(state.Order.Promise.DeliverBy)))).Append("</span>");
            }
            html.Append("</p>");
        }
        html.Append("</section>");
    }

    private static void Items(StringBuilder html, TrackingPageModel model)
    {
        var t = model.Text;
        html.Append("<section class=\"card\" aria-labelledby=\"items-h\"><h2 id=\"items-h\">").Append(Html.E(t["items"])).Append("</h2><ul class=\"items\">");
        foreach (var item in model.State.Order.Items)
        {
            html.Append("<li data-testid=\"item\">");
            if (item.ImageUrl is not null)
            {
                html.Append("<img src=\"").Append(Html.Url(item.ImageUrl)).Append("\" alt=\"\" width=\"56\" height=\"56\" loading=\"lazy\">");
            }
            html.Append("<span><span class=\"item-name\">").Append(Html.E(item.Name)).Append("</span><br><span class=\"muted\">")
                .Append(Html.E(t.Format("quantity", item.Quantity))).Append(" · ")
                .Append(Html.E(item.UnitPrice.ToString("C", Currency(model)))).Append("</span></span></li>");
        }
        html.Append("</ul></section>");
    }

    private static void Details(StringBuilder html, TrackingPageModel model)
    {
        var t = model.Text;
        var b = model.Branding;
        var a = model.State.Order.ShippingAddress;
        html.Append("<section class=\"card\" aria-labelledby=\"address-h\"><h2 id=\"address-h\">").Append(Html.E(t["deliveryAddress"])).Append("</h2>")
            .Append("<address data-testid=\"address\">").Append(Html.E(Mask(a.Line1))).Append("<br>")
            .Append(Html.E(Mask(a.PostalCode))).Append(' ').Append(Html.E(a.City)).Append("<br>").Append(Html.E(a.Country)).Append("</address></section>");
        var summary = b.ReturnPolicySummary.GetValueOrDefault(t.Locale) ?? t.Format("returnPolicyDefault", model.Policy.ReturnWindowDays);
        html.Append("<section class=\"card\" aria-labelledby=\"policy-h\"><h2 id=\"policy-h\">").Append(Html.E(t["returnPolicy"])).Append("</h2>")
            .Append("<p>").Append(Html.E(summary)).Append("</p><p><a href=\"").Append(Html.Url(b.ReturnPolicyUrl)).Append("\">")
            .Append(Html.E(t["returnPolicyLink"])).Append("</a></p></section>")
            .Append("<section class=\"card\" aria-labelledby=\"support-h\"><h2 id=\"support-h\">").Append(Html.E(t["support"])).Append("</h2><ul class=\"plain\">")
            .Append("<li><a href=\"mailto:").Append(Html.E(b.SupportEmail)).Append("\">").Append(Html.E(t["supportEmail"])).Append(": ").Append(Html.E(b.SupportEmail)).Append("</a></li>");
        if (b.SupportPhone is not null)
        {
            html.Append("<li><a href=\"tel:").Append(Html.E(b.SupportPhone)).Append("\">").Append(Html.E(t["supportPhone"])).Append(": ").Append(Html.E(b.SupportPhone)).Append("</a></li>");
        }
        html.Append("</ul></section>");
    }

    private static void Footer(StringBuilder html, TrackingPageModel model)
    {
        html.Append("<footer class=\"wrap\"><nav aria-label=\"").Append(Html.E(model.Text["language"])).Append("\"><ul class=\"langs\">");
        foreach (var locale in PageText.Locales)
        {
            var current = locale == model.Text.Locale ? " aria-current=\"true\"" : "";
            html.Append("<li><a lang=\"").Append(locale).Append("\" href=\"").Append(Html.E(model.BasePath)).Append("?lang=").Append(locale).Append('"').Append(current).Append('>')
                .Append(Html.E(PageText.For(locale)["languageName"])).Append("</a></li>");
        }
        html.Append("</ul></nav></footer>");
    }

    /// <summary>Keeps the first two characters of each word-ish part and masks the rest, so a forwarded link leaks little.</summary>
    internal static string Mask(string value)
    {
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', parts.Select(p => p.Length <= 2 ? p : string.Concat(p.AsSpan(0, 2), new string('•', Math.Min(p.Length - 2, 4)))));
    }

    private static NumberFormatInfo Currency(TrackingPageModel model)
    {
        var format = (NumberFormatInfo)model.Text.Culture.NumberFormat.Clone();
        format.CurrencySymbol = model.State.Order.Currency switch { "EUR" => "€", "USD" => "$", "GBP" => "£", "PLN" => "zł", var c => c };
        return format;
    }
}
