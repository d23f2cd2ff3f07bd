using System.Globalization;
using System.Text;
using PostPurchase.Core.Serialization;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The metrics page: SVG charts of messages, delays, carriers, CSAT and suppressions, and every failure with its error.</summary>
public static class MetricsPage
{
    /// <summary>Renders the figures and the failures (poison inputs and failed sends) — never only in logs.</summary>
    public static string Render(DashboardChrome chrome, DashboardMetrics metrics, IReadOnlyList<PoisonInput> poison)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(poison);
        var html = new StringBuilder(32_768);
        html.Append("<h1>Metrics</h1><ul class=\"langs\">")
            .Append("<li>EDD hit rate: <strong data-testid=\"edd-hit\">").Append(metrics.EddHitRate is { } hit ? hit.ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—").Append("</strong></li>")
            .Append("<li>Review requests sent: <strong data-testid=\"reviews-sent\">").Append(metrics.ReviewRequestsSent).Append("</strong></li>")
            .Append("<li>Failed sends: <strong data-testid=\"failed-count\">").Append(metrics.FailedSends.Count).Append("</strong></li>")
            .Append("<li>Poison inputs: <strong data-testid=\"poison-count\">").Append(poison.Count).Append("</strong></li></ul><div class=\"charts\">");
        Chart(html, "Messages per day by intent", SvgChart.StackedColumns("by-intent", "Messages per day by intent", metrics.Days, metrics.MessagesByIntent));
        Chart(html, "Messages per day by channel", SvgChart.StackedColumns("by-channel", "Messages per day by channel", metrics.Days, metrics.MessagesByChannel));
        Chart(html, "Messages per day by status", SvgChart.StackedColumns("by-status", "Messages per day by status", metrics.Days, metrics.MessagesByStatus));
        Chart(html, "Delays detected by cause", SvgChart.Bars("delays", "Delays detected by cause", metrics.DelaysByCause));
        Chart(html, "On-time delivery rate per carrier", SvgChart.Bars("on-time", "On-time delivery rate per carrier", metrics.OnTimeRateByCarrier, "%"));
        Chart(html, "Average transit days per carrier", SvgChart.Bars("transit", "Average transit days per carrier", metrics.TransitDaysByCarrier, " d"));
        Chart(html, "CSAT distribution", SvgChart.Bars("csat", "CSAT distribution", metrics.CsatDistribution));
        Chart(html, "Suppressed messages by reason", SvgChart.Bars("suppressed", "Suppressed messages by reason", metrics.SuppressedByReason));
        html.Append("</div><section class=\"card\" aria-labelledby=\"failed-h\"><h2 id=\"failed-h\">Failed sends</h2>");
        if (metrics.FailedSends.Count == 0)
        {
            html.Append("<p>None.</p>");
        }
        else
        {
            html.Append("<table data-testid=\"failed-sends\"><thead><tr><th scope=\"col\">Order</th><th scope=\"col\">Message</th><th scope=\"col\">To</th><th scope=\"col\">Error</th></tr></thead><tbody>");
            foreach (var (orderId, m) in metrics.FailedSends)
            {
                html.Append("<tr><td><a href=\"/orders/").Append(Uri.EscapeDataString(orderId)).Append("\">").Append(Html.E(orderId)).Append("</a></td><td>")
                    .Append(WireName.Of(m.Intent)).Append(" · ").Append(WireName.Of(m.Channel)).Append("</td><td>").Append(Html.E(m.To)).Append("</td><td>")
                    .Append(Html.E(m.Error ?? "(no error recorded)")).Append("</td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section><section class=\"card\" aria-labelledby=\"poison-h\"><h2 id=\"poison-h\">Poison inputs</h2>");
        if (poison.Count == 0)
        {
            html.Append("<p>None.</p>");
        }
        else
        {
            html.Append("<table data-testid=\"poison\"><thead><tr><th scope=\"col\">Failed at (UTC)</th><th scope=\"col\">Order</th><th scope=\"col\">Attempts</th><th scope=\"col\">Error</th><th scope=\"col\">Input</th></tr></thead><tbody>");
            foreach (var p in poison)
            {
                html.Append("<tr><td>").Append(OrdersPage.Iso(p.FailedAt)).Append("</td><td>").Append(Html.E(p.OrderId ?? "—")).Append("</td><td>").Append(p.Attempts)
                    .Append("</td><td>").Append(ErrorCell(p.Error)).Append("</td><td><code>").Append(Html.E(p.Payload.Length > 300 ? p.Payload[..300] + "…" : p.Payload)).Append("</code></td></tr>");
            }
            html.Append("</tbody></table>");
        }
        html.Append("</section>");
        return chrome.Render("Metrics", html.ToString());
    }

    // Engines may record a stack trace: show its first line, keep the rest one click away.
    private static string ErrorCell(string error)
    {
        var lines = error.Split('\n', 2);
        return lines.Length == 1 ? Html.E(error) : $"<details><summary>{Html.E(lines[0])}</summary><pre>{Html.E(lines[1])}</pre></details>";
    }

    private static void Chart(StringBuilder html, string title, string svg) =>
        html.Append("<figure class=\"card chart\"><figcaption><strong>").Append(Html.E(title)).Append("</strong></figcaption>").Append(svg).Append("</figure>");
}
