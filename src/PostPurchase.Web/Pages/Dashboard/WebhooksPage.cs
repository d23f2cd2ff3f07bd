using System.Text;
using PostPurchase.Core.Serialization;
using PostPurchase.Infrastructure.MerchantWebhooks;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The outgoing webhook log: every delivery, its attempts and last error, with a replay button.</summary>
public static class WebhooksPage
{
    /// <summary>Renders the newest deliveries first.</summary>
    public static string Render(DashboardChrome chrome, IReadOnlyList<WebhookDelivery> deliveries, int configuredEndpoints, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(deliveries);
        var html = new StringBuilder(8192);
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\" data-testid=\"notice\">").Append(Html.E(notice)).Append("</p>");
        }
        html.Append("<h1>Outgoing webhooks</h1><p class=\"muted\">").Append(configuredEndpoints)
            .Append(" endpoint(s) configured (PostPurchase:Webhooks:Endpoints). Each POST is signed: header PostPurchase-Signature = t={unix},v1=HMAC-SHA256(secret, \"{t}.{body}\").</p>");
        if (deliveries.Count == 0)
        {
            html.Append("<p>No deliveries yet.</p>");
            return chrome.Render("Webhooks", html.ToString());
        }
        html.Append("<table data-testid=\"deliveries\"><thead><tr><th scope=\"col\">Created (UTC)</th><th scope=\"col\">Event</th><th scope=\"col\">Order</th><th scope=\"col\">URL</th>")
            .Append("<th scope=\"col\">Status</th><th scope=\"col\">Attempts</th><th scope=\"col\">Last error</th><th scope=\"col\"></th></tr></thead><tbody>");
        foreach (var d in deliveries)
        {
            var status = WireName.Of(d.Status);
            html.Append("<tr data-testid=\"delivery\" data-kind=\"").Append(Html.E(d.Kind)).Append("\" data-status=\"").Append(status).Append("\"><td>").Append(OrdersPage.Iso(d.CreatedAt))
                .Append("</td><td>").Append(Html.E(d.Kind)).Append("</td><td><a href=\"/orders/").Append(Uri.EscapeDataString(d.OrderId)).Append("\">").Append(Html.E(d.OrderId)).Append("</a></td><td>")
                .Append(Html.E(d.Url)).Append("</td><td><span class=\"badge ").Append(status).Append("\">").Append(status).Append("</span>")
                .Append(d.NextAttemptAt is { } next && d.Status == WebhookDeliveryStatus.Retrying ? $"<br><span class=\"muted\">next {OrdersPage.Iso(next)}</span>" : "")
                .Append("</td><td>").Append(d.Attempts).Append("</td><td>").Append(Html.E(d.LastError ?? "")).Append("</td><td>")
                .Append(chrome.Form($"/webhooks/{d.Id}/replay", "", "Replay", "replay", "secondary")).Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        return chrome.Render("Webhooks", html.ToString());
    }
}
