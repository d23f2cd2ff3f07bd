using System.Globalization;
using System.Text;
using PostPurchase.Core.Shops;
using PostPurchase.Core.Shops.Shopify;
using PostPurchase.Core.Shops.Shopware;
using PostPurchase.Core.Shops.WooCommerce;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Shops;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The "Shops" page: per platform, connected or not, the URL and topics to set up, deliveries by topic, refusals and the last reconciliation.</summary>
public static class ShopsPage
{
    /// <summary>Renders one section per platform.</summary>
    public static string Render(DashboardChrome chrome, ShopOptions settings, string publicBaseUrl, IReadOnlyList<ShopStatus> statuses)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(statuses);
        var html = new StringBuilder(8192).Append("<h1>Shops</h1><p class=\"muted\">Orders and fulfilments straight from the shop: paste the URL into the shop's admin and subscribe to the topics listed.</p>");
        foreach (var status in statuses)
        {
            var (name, secret, topics, api) = status.Platform switch
            {
                ShopPlatforms.Shopify => ("Shopify", settings.Shopify.WebhookSecret, ShopifyDeliveries.Topics,
                    settings.Shopify.AdminBase is null ? "Admin API: not set (no product types, no catch-up)" : "Admin API: product types and catch-up on"),
                ShopPlatforms.WooCommerce => ("WooCommerce", settings.WooCommerce.WebhookSecret, WooCommerceDeliveries.Topics,
                    settings.WooCommerce.CanPoll ? "REST API poll: on" : "REST API poll: not set (missed deliveries are not found)"),
                _ => ("Shopware 6", settings.Shopware.ShopSecret, ShopwareDeliveries.Topics,
                    settings.Shopware.CanRead ? "Admin API: on" : "Admin API: not set (orders cannot be read)"),
            };
            var connected = !string.IsNullOrWhiteSpace(secret);
            var url = $"{publicBaseUrl.TrimEnd('/')}/api/webhooks/shops/{status.Platform}";
            html.Append("<section class=\"card\" data-testid=\"shop\" data-platform=\"").Append(status.Platform).Append("\" data-connected=\"").Append(connected ? "true" : "false").Append("\"><h2>")
                .Append(Html.E(name)).Append(" <span class=\"badge ").Append(connected ? "delivered" : "failed").Append("\" data-testid=\"connection\">")
                .Append(connected ? "connected" : "not connected").Append("</span></h2>")
                .Append("<p>URL to paste: <code data-testid=\"url\">").Append(Html.E(url)).Append("</code></p>")
                .Append("<p>Topics: ").Append(string.Join(", ", topics.Select(t => $"<code>{Html.E(t)}</code>"))).Append("</p>")
                .Append("<p class=\"muted\">").Append(Html.E(api)).Append("</p>")
                .Append("<p>Last delivery: <span data-testid=\"last-delivery\">").Append(status.LastDeliveryAt is { } last ? OrdersPage.Iso(last) : "none yet").Append("</span></p>");
            Counts(html, status);
            Refused(html, status);
            Reconcile(html, status.LastReconcile);
            html.Append("</section>");
        }
        return chrome.Render("Shops", html.ToString());
    }

    private static void Counts(StringBuilder html, ShopStatus status)
    {
        if (status.CountsByTopic.Count == 0)
        {
            return;
        }
        html.Append("<table data-testid=\"counts\"><thead><tr><th scope=\"col\">Topic</th><th scope=\"col\">Deliveries</th></tr></thead><tbody>");
        foreach (var (topic, count) in status.CountsByTopic.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            html.Append("<tr data-topic=\"").Append(Html.E(topic)).Append("\"><td>").Append(Html.E(topic)).Append("</td><td>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void Refused(StringBuilder html, ShopStatus status)
    {
        if (status.Refused.Count == 0)
        {
            html.Append("<p class=\"muted\">No refused deliveries.</p>");
            return;
        }
        html.Append("<h3>Refused deliveries</h3><table data-testid=\"refused\"><thead><tr><th scope=\"col\">At (UTC)</th><th scope=\"col\">Topic</th><th scope=\"col\">Reason</th></tr></thead><tbody>");
        foreach (var r in status.Refused)
        {
            html.Append("<tr data-testid=\"refusal\"><td>").Append(OrdersPage.Iso(r.At)).Append("</td><td>").Append(Html.E(r.Topic)).Append("</td><td>").Append(Html.E(r.Reason)).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
    }

    private static void Reconcile(StringBuilder html, ReconcileRun? run)
    {
        html.Append("<p data-testid=\"reconcile\">Last reconciliation: ");
        if (run is null)
        {
            html.Append("none yet</p>");
            return;
        }
        html.Append(OrdersPage.Iso(run.FinishedAt)).Append(", changes since ").Append(OrdersPage.Iso(run.Since)).Append(": ")
            .Append(run.Orders.ToString(CultureInfo.InvariantCulture)).Append(" orders read, ").Append(run.Changed.ToString(CultureInfo.InvariantCulture)).Append(" with something new")
            .Append(run.Error is { } e ? $" — <strong>failed</strong>: {Html.E(e)}" : "").Append("</p>");
    }
}
