using System.Globalization;
using System.Text;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Web.Pages.Dashboard.Experiments;

/// <summary>The dashboard's A/B test pages: the list of tests, and one test per arm with the verdict in plain words.</summary>
public static class ExperimentPage
{
    /// <summary>Every configured test with its intent, goal and the orders assigned so far.</summary>
    public static string RenderList(DashboardChrome chrome, IReadOnlyList<ExperimentReport> reports)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(reports);
        var html = new StringBuilder(4096);
        html.Append("<h1>A/B tests</h1>");
        if (reports.Count == 0)
        {
            html.Append("<p>No test is configured. Add one under <code>PostPurchase:Policy:Growth:Experiments</code> (see docs/growth.md).</p>");
            return chrome.Render("A/B tests", html.ToString());
        }
        html.Append("<table data-testid=\"experiments\"><thead><tr><th scope=\"col\">Test</th><th scope=\"col\">Message</th><th scope=\"col\">Goal</th>")
            .Append("<th scope=\"col\">Arms</th><th scope=\"col\">Orders</th><th scope=\"col\">Running</th></tr></thead><tbody>");
        foreach (var report in reports)
        {
            var test = report.Test;
            html.Append("<tr><td><a href=\"/experiments/").Append(Uri.EscapeDataString(test.Id)).Append("\">").Append(Html.E(test.Id)).Append("</a></td><td>")
                .Append(WireName.Of(test.Intent)).Append("</td><td>").Append(WireName.Of(test.GoalOrDefault)).Append("</td><td>")
                .Append(Html.E(string.Join(", ", test.Arms.Select(a => a.Name)))).Append("</td><td>").Append(report.Arms.Sum(a => a.Orders))
                .Append("</td><td>").Append(test.Enabled ? "yes" : "paused").Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        return chrome.Render("A/B tests", html.ToString());
    }

    /// <summary>One test: per arm the orders, sends, opens, clicks, reviews, reorders and revenue, then each arm against the control.</summary>
    public static string Render(DashboardChrome chrome, ExperimentReport report)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(report);
        var test = report.Test;
        var html = new StringBuilder(8192);
        html.Append("<h1>A/B test ").Append(Html.E(test.Id)).Append("</h1><p class=\"muted\">Varies <strong>").Append(WireName.Of(test.Intent))
            .Append("</strong>; judged on <strong>").Append(WireName.Of(test.GoalOrDefault)).Append("</strong> among the orders that reached the message. ")
            .Append(test.Enabled ? "Running." : "Paused: no new orders are assigned.").Append("</p>");
        html.Append("<table data-testid=\"arms\"><thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">Orders</th><th scope=\"col\">Reached</th>")
            .Append("<th scope=\"col\">Sends</th><th scope=\"col\">Opens</th><th scope=\"col\">Clicks</th><th scope=\"col\">Reviews</th>")
            .Append("<th scope=\"col\">Reorders</th><th scope=\"col\">Revenue</th><th scope=\"col\">Conversion</th></tr></thead><tbody>");
        foreach (var arm in report.Arms)
        {
            var id = Html.E(arm.Arm);
            var conversions = ExperimentReport.Conversions(test.GoalOrDefault, arm);
            html.Append("<tr data-testid=\"arm-").Append(id).Append("\"><th scope=\"row\">").Append(id).Append(arm.Holdout ? " <span class=\"muted\">(holdout)</span>" : "").Append("</th>");
            Cell(html, id, "orders", arm.Orders);
            Cell(html, id, "reached", arm.Exposed);
            Cell(html, id, "sends", arm.Sends);
            Cell(html, id, "opens", arm.Opens);
            Cell(html, id, "clicks", arm.Clicks);
            Cell(html, id, "reviews", arm.Reviews);
            Cell(html, id, "reorders", arm.Reorders);
            html.Append("<td data-testid=\"").Append(id).Append("-revenue\">")
                .Append(arm.Revenue.Count == 0 ? "0" : Html.E(string.Join(", ", arm.Revenue.Select(r => $"{r.Key} {r.Value.ToString("0.00", CultureInfo.InvariantCulture)}"))))
                .Append("</td><td>").Append(arm.Exposed == 0 ? "—" : ((double)conversions / arm.Exposed).ToString("0.0%", CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        html.Append("</tbody></table><p class=\"muted\">Opens are counted where the channel reports them (WhatsApp read receipts); email opens are not tracked.</p>");
        html.Append("<section class=\"card\" aria-labelledby=\"verdict-h\"><h2 id=\"verdict-h\">Is the difference real?</h2>");
        if (report.Comparisons.Count == 0)
        {
            html.Append("<p>One arm only: nothing to compare.</p>");
        }
        foreach (var c in report.Comparisons)
        {
            html.Append("<p data-testid=\"verdict-").Append(Html.E(c.Arm)).Append("\" data-real=\"").Append(c.Real ? "true" : "false").Append("\">")
                .Append(Html.E(c.Sentence)).Append("</p>");
        }
        html.Append("<p class=\"muted\">Two-proportion z-test against the first arm; a difference counts as real below p = 0.05.</p></section>");
        return chrome.Render($"A/B test {test.Id}", html.ToString());
    }

    private static void Cell(StringBuilder html, string arm, string what, int value) =>
        html.Append("<td data-testid=\"").Append(arm).Append('-').Append(what).Append("\">").Append(value).Append("</td>");
}
