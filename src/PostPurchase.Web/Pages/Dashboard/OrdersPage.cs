using System.Globalization;
using System.Text;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The dashboard's home: orders in flight by status, filters and search, newest first.</summary>
public static class OrdersPage
{
    private static readonly Intent[] Causes = [Intent.DelayNotShipped, Intent.DelayEstimateSlipped, Intent.DelayNoScan, Intent.DelayOverdue];

    /// <summary>Renders <paramref name="all"/> filtered by <paramref name="filter"/>.</summary>
    public static string Render(DashboardChrome chrome, IReadOnlyList<OrderSnapshot> all, OrderFilter filter)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(filter);
        var shown = filter.Apply(all);
        var html = new StringBuilder(8192);
        html.Append("<h1>Orders</h1><p class=\"muted\">").Append(shown.Count).Append(" of ").Append(all.Count).Append(" orders</p>");
        html.Append("<ul class=\"langs\" aria-label=\"Orders by status\">");
        foreach (var group in all.GroupBy(o => o.State.Status).OrderBy(g => g.Key))
        {
            var status = WireName.Of(group.Key);
            html.Append("<li><a href=\"/?status=").Append(status).Append("\" data-testid=\"status-").Append(status).Append("\">")
                .Append(Html.E(status)).Append(": ").Append(group.Count()).Append("</a></li>");
        }
        html.Append("</ul><form method=\"get\" action=\"/\" class=\"card filters\" role=\"search\">")
            .Append(Select("status", "Status", Enum.GetValues<OrderStatus>().Select(s => WireName.Of(s)), filter.Status))
            .Append(Select("cause", "Delay cause", Causes.Select(c => WireName.Of(c)), filter.Cause))
            .Append(Select("carrier", "Carrier", all.SelectMany(o => o.State.Parcels.Select(p => p.Carrier)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal), filter.Carrier))
            .Append(DateInput("from", "Placed from", filter.From)).Append(DateInput("to", "Placed to", filter.To))
            .Append("<label>Order number or email<input type=\"search\" name=\"q\" value=\"").Append(Html.E(filter.Query)).Append("\" data-testid=\"search\"></label>")
            .Append("<button type=\"submit\" data-testid=\"filter-button\">Filter</button></form>");
        html.Append("<table data-testid=\"orders\"><caption class=\"muted\">Newest first</caption><thead><tr><th scope=\"col\">Order</th><th scope=\"col\">Placed</th><th scope=\"col\">Customer</th>")
            .Append("<th scope=\"col\">Status</th><th scope=\"col\">Carrier</th><th scope=\"col\">Delays</th><th scope=\"col\">Messages</th><th scope=\"col\">Next step</th></tr></thead><tbody>");
        foreach (var order in shown)
        {
            var s = order.State;
            var failed = order.Messages.Count(m => m.Message.Status == MessageStatus.Failed);
            html.Append("<tr data-testid=\"order-row\" data-order=\"").Append(Html.E(s.Order.OrderId)).Append("\"><td><a href=\"/orders/").Append(Uri.EscapeDataString(s.Order.OrderId)).Append("\">")
                .Append(Html.E(s.Order.OrderId)).Append("</a></td><td>").Append(Iso(s.Order.PlacedAt)).Append("</td><td>").Append(Html.E(s.Order.Customer.Email)).Append("</td>")
                .Append("<td><span class=\"badge\">").Append(WireName.Of(s.Status)).Append("</span></td><td>")
                .Append(Html.E(string.Join(", ", s.Parcels.Select(p => p.Carrier).Distinct(StringComparer.OrdinalIgnoreCase)))).Append("</td><td>")
                .Append(Html.E(string.Join(", ", s.DelayAlerts.Select(a => WireName.Of(a))))).Append("</td><td>").Append(order.Messages.Count);
            if (failed > 0)
            {
                html.Append(" <span class=\"badge failed\">").Append(failed).Append(" failed</span>");
            }
            html.Append("</td><td>").Append(s.NextWakeAt is { } next ? Iso(next) : "—").Append("</td></tr>");
        }
        html.Append("</tbody></table>");
        return chrome.Render("Orders", html.ToString());
    }

    internal static string Iso(DateTimeOffset value) => Html.E(value.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));

    private static string Select(string name, string label, IEnumerable<string> options, string? selected)
    {
        var html = new StringBuilder($"<label>{label}<select name=\"{name}\"><option value=\"\">Any</option>");
        foreach (var option in options)
        {
            html.Append("<option").Append(option == selected ? " selected" : "").Append('>').Append(Html.E(option)).Append("</option>");
        }
        return html.Append("</select></label>").ToString();
    }

    private static string DateInput(string name, string label, DateOnly? value) =>
        $"<label>{label}<input type=\"date\" name=\"{name}\" value=\"{value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"></label>";
}
