using System.Text;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>One order for the merchant: its whole timeline (events, consent, answers, messages with previews), the buyer across orders, the next step and actions.</summary>
public static class OrderPage
{
    /// <summary>Renders <paramref name="snapshot"/>; <paramref name="trackingUrl"/> is the buyer's page.</summary>
    public static string Render(DashboardChrome chrome, OrderSnapshot snapshot, string trackingUrl, string? notice = null)
    {
        ArgumentNullException.ThrowIfNull(chrome);
        ArgumentNullException.ThrowIfNull(snapshot);
        var s = snapshot.State;
        var id = s.Order.OrderId;
        var path = $"/orders/{Uri.EscapeDataString(id)}";
        var html = new StringBuilder(16_384);
        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\" data-testid=\"notice\">").Append(Html.E(notice)).Append("</p>");
        }
        html.Append("<h1>Order ").Append(Html.E(id)).Append("</h1><p><span class=\"badge\" data-testid=\"order-status\">").Append(WireName.Of(s.Status)).Append("</span> ")
            .Append(Html.E($"{s.Order.Customer.FirstName} {s.Order.Customer.LastName}")).Append(" · ").Append(Html.E(s.Order.Customer.Email))
            .Append(" · locale ").Append(Html.E(s.Order.Customer.Locale)).Append(" · <a href=\"").Append(Html.Url(trackingUrl)).Append("\" data-testid=\"tracking-link\">tracking page</a></p>");
        html.Append("<section class=\"card\" aria-labelledby=\"next-h\"><h2 id=\"next-h\">Next step</h2><p data-testid=\"next-step\">");
        var scheduled = s.Messages.Where(m => m.Status == MessageStatus.Scheduled).OrderBy(m => m.ScheduledFor).FirstOrDefault();
        html.Append(s.Completed ? "Timeline completed." : s.NextWakeAt is { } wake
            ? $"Wakes up at {OrdersPage.Iso(wake)} UTC{(scheduled is null ? "" : $" ({Html.E(WireName.Of(scheduled.Intent))} by {WireName.Of(scheduled.Channel)})")}."
            : "Waiting for the next carrier or customer input.");
        html.Append("</p><div class=\"actions\">");
        if (s.Status is OrderStatus.Confirmed or OrderStatus.PartiallyShipped)
        {
            html.Append(chrome.Form($"{path}/cancel", "", "Cancel order", "dash-cancel", "danger"));
        }
        if (s.Status is not (OrderStatus.Cancelled or OrderStatus.Refunded))
        {
            html.Append(chrome.Form($"{path}/refund", "", "Mark refunded", "dash-refund", "secondary"));
        }
        html.Append("</div></section>");
        OrderBuyerSection.Append(html, s);
        Timeline(html, s);
        Messages(html, snapshot, chrome, path);
        return chrome.Render($"Order {id}", html.ToString());
    }

    private static void Timeline(StringBuilder html, TimelineState s)
    {
        var rows = new List<(DateTimeOffset At, string Kind, string Text)> { (s.Order.PlacedAt, "order-placed", $"{s.Order.Items.Count} item(s), total {s.Order.Totals.Total} {s.Order.Currency}") };
        rows.AddRange(s.Events.Select(e => (e.OccurredAt, "tracking-updated", $"{e.Carrier} {e.TrackingNumber}: {WireName.Of(e.Status)} ({e.RawStatus}){(e.Location is null ? "" : $" at {e.Location}")}")));
        rows.AddRange(s.Consent.History.Select(c => (c.At, "consent-changed", $"{c.Subject} {(c.Granted ? "granted" : "withdrawn")} via {c.Source}{(c.WordingVersion is null ? "" : $" (wording {c.WordingVersion})")}")));
        rows.AddRange(s.Messages.Select(m => (m.DecidedAt, "decision", $"{WireName.Of(m.Intent)} by {WireName.Of(m.Channel)}: {WireName.Of(m.Status)}{(m.Reason is { } r ? $" ({WireName.Of(r)})" : "")}, for {OrdersPage.Iso(m.ScheduledFor)}")));
        if (s.CsatScore is { } score)
        {
            rows.Add((s.DeliveredAt ?? s.Order.PlacedAt, "csat-answered", $"CSAT {score}{(s.CsatComment is null ? "" : $": {s.CsatComment}")}"));
        }
        html.Append("<section class=\"card\" aria-labelledby=\"timeline-h\"><h2 id=\"timeline-h\">Timeline</h2><table data-testid=\"timeline\"><thead><tr><th scope=\"col\">Time (UTC)</th><th scope=\"col\">What</th><th scope=\"col\">Detail</th></tr></thead><tbody>");
        foreach (var (at, kind, text) in rows.OrderBy(r => r.At))
        {
            html.Append("<tr data-kind=\"").Append(kind).Append("\"><td>").Append(OrdersPage.Iso(at)).Append("</td><td>").Append(kind).Append("</td><td>").Append(Html.E(text)).Append("</td></tr>");
        }
        html.Append("</tbody></table></section>");
    }

    private static void Messages(StringBuilder html, OrderSnapshot snapshot, DashboardChrome chrome, string path)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"messages-h\"><h2 id=\"messages-h\">Messages</h2>");
        if (snapshot.Messages.Count == 0)
        {
            html.Append("<p>No messages yet.</p>");
        }
        foreach (var record in snapshot.Messages.OrderBy(m => m.Message.DecidedAt))
        {
            var m = record.Message;
            var status = WireName.Of(m.Status);
            html.Append("<details data-testid=\"message\" data-intent=\"").Append(WireName.Of(m.Intent)).Append("\" data-channel=\"").Append(WireName.Of(m.Channel))
                .Append("\" data-status=\"").Append(status).Append("\" data-resend=\"").Append(MessageKey.IsResend(m.Key) ? "true" : "false")
                .Append("\"><summary>").Append(WireName.Of(m.Intent)).Append(MessageKey.IsResend(m.Key) ? " (resend)" : "").Append(" · ").Append(WireName.Of(m.Channel))
                .Append(" · <span class=\"badge ").Append(status).Append("\">").Append(status).Append("</span>");
            if (m.Reason is { } reason)
            {
                html.Append(" (").Append(WireName.Of(reason)).Append(')');
            }
            html.Append(" · to ").Append(Html.E(m.To ?? "—"))
                .Append(" · <span data-testid=\"settings-version\">").Append(m.SettingsVersion is { } v ? $"settings v{v}" : "configured settings").Append("</span></summary>");
            if (m.Error is not null)
            {
                html.Append("<p class=\"error\" data-testid=\"message-error\">").Append(Html.E(m.Error)).Append("</p>");
            }
            if (m.Status != MessageStatus.Scheduled)
            {
                // A fresh request id per rendered form: submitting the same form twice resends once.
                html.Append(chrome.Form($"{path}/resend",
                    $"<input type=\"hidden\" name=\"key\" value=\"{Html.E(m.Key)}\"><input type=\"hidden\" name=\"requestId\" value=\"{Guid.NewGuid():N}\">",
                    "Resend", "message-resend", "secondary"));
            }
            html.Append("<p class=\"muted\">Scheduled for ").Append(OrdersPage.Iso(m.ScheduledFor)).Append(m.SentAt is { } sent ? $", sent {OrdersPage.Iso(sent)}" : "").Append("</p>");
            if (record.Subject is not null)
            {
                html.Append("<p><strong>").Append(Html.E(record.Subject)).Append("</strong></p>");
            }
            if (record.Body is { } body)
            {
                // Email HTML is previewed in a sandboxed frame (no scripts, no navigation); texts as text.
                html.Append(body.TrimStart().StartsWith('<')
                    ? $"<iframe class=\"preview\" sandbox=\"\" title=\"Preview of {Html.E(WireName.Of(m.Intent))}\" srcdoc=\"{Html.E(body)}\" width=\"100%\" height=\"320\" data-testid=\"preview\"></iframe>"
                    : $"<div class=\"preview\" data-testid=\"preview\">{Html.E(body)}</div>");
            }
            html.Append("</details>");
        }
        html.Append("</section>");
    }
}
