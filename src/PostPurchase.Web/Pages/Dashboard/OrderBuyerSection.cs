using System.Globalization;
using System.Text;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The order page's card about the buyer across orders: which order of theirs this is, where it came from, what they clicked and ordered since.</summary>
internal static class OrderBuyerSection
{
    /// <summary>Appends the card; nothing for an order without a buyer profile, clicks, reorders or A/B arms.</summary>
    public static void Append(StringBuilder html, TimelineState s)
    {
        if (s.Buyer is null && s.Clicks.Count == 0 && s.Reorders.Count == 0 && s.Experiments.Count == 0)
        {
            return;
        }
        html.Append("<section class=\"card\" aria-labelledby=\"buyer-h\" data-testid=\"buyer\"><h2 id=\"buyer-h\">Buyer</h2><ul>");
        if (s.Buyer is { } buyer)
        {
            Item(html, "buyer-order-number", buyer.Returning
                ? $"Returning buyer: order {buyer.OrderNumber} with the shop, first on {OrdersPage.Iso(buyer.FirstOrderAt)} UTC, previous on {(buyer.PreviousOrderAt is { } previous ? OrdersPage.Iso(previous) : "—")} UTC"
                : "First order with the shop");
            if (buyer.Categories.Count > 0)
            {
                Item(html, "buyer-categories", $"Bought before: {string.Join(", ", buyer.Categories)}");
            }
            if (buyer.ReferralCode is { } code)
            {
                Item(html, "buyer-referral-code", $"Referral code: {code}");
            }
            if (buyer.AttributedTo is { } from)
            {
                Item(html, "buyer-attribution", $"Came from the link \"{from.Link}\" of order {from.OrderId}{(from.MessageKey is null ? "" : $" ({from.MessageKey})")}, clicked {OrdersPage.Iso(from.ClickedAt)} UTC");
            }
        }
        foreach (var click in s.Clicks.OrderBy(c => c.At))
        {
            Item(html, "buyer-click", $"Clicked \"{click.Link}\"{(click.MessageKey is null ? " on the tracking page" : $" in {click.MessageKey}")} at {OrdersPage.Iso(click.At)} UTC");
        }
        foreach (var reorder in s.Reorders.OrderBy(r => r.PlacedAt))
        {
            Item(html, "buyer-reorder", string.Create(CultureInfo.InvariantCulture,
                $"Ordered again: {reorder.OrderId} on {OrdersPage.Iso(reorder.PlacedAt)} UTC, {reorder.Total} {reorder.Currency}{(reorder.Attributed ? ", credited to this order's messages" : "")}"));
        }
        foreach (var arm in s.Experiments)
        {
            Item(html, "buyer-experiment", $"A/B test {arm.Experiment}: arm {arm.Arm}");
        }
        html.Append("</ul></section>");
    }

    private static void Item(StringBuilder html, string testId, string text) =>
        html.Append("<li data-testid=\"").Append(testId).Append("\">").Append(Html.E(text)).Append("</li>");
}
