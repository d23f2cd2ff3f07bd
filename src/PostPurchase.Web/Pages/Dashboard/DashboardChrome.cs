using System.Text;
using PostPurchase.Core.Messages;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>What every dashboard page shows around its content: navigation, the simulated clock, the anti-forgery field.</summary>
/// <param name="SimulatedNow">The simulated clock's time, or null when the host runs on the system clock.</param>
/// <param name="ReturnPath">The page's own local path and query, where the clock form comes back to.</param>
public sealed record DashboardChrome(Branding Branding, AntiforgeryField? Antiforgery, DateTimeOffset? SimulatedNow, string ReturnPath = "/")
{
    internal string Form(string action, string inner, string button, string testId, string buttonClass = "") =>
        $"<form method=\"post\" action=\"{Html.E(action)}\">{PageLayout.Antiforgery(Antiforgery)}{inner}<button type=\"submit\" class=\"{buttonClass}\" data-testid=\"{testId}\">{Html.E(button)}</button></form>";

    internal string Render(string title, string content)
    {
        var html = new StringBuilder(content.Length + 2048);
        html.Append("<header class=\"brand\"><div class=\"wrap\"><span class=\"shop\">").Append(Html.E(Branding.ShopName)).Append(" · PostPurchase</span>")
            .Append("<nav class=\"top\" aria-label=\"Dashboard\"><a href=\"/\">Orders</a><a href=\"/metrics\">Metrics</a><a href=\"/experiments\">A/B tests</a><a href=\"/webhooks\">Webhooks</a><a href=\"/shops\">Shops</a><a href=\"/studio\">Studio</a></nav>")
            .Append("</div></header><main id=\"main\" class=\"wrap\">");
        if (SimulatedNow is { } now)
        {
            html.Append("<section class=\"card info\" aria-label=\"Simulated clock\"><p>Simulated clock: <strong data-testid=\"clock\">")
                .Append(Html.E(now.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))).Append("</strong></p>")
                .Append(Form("/clock/advance",
                    $"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.E(ReturnPath)}\"><label for=\"by\">Advance by (ISO 8601 duration, e.g. P1D or PT6H)</label><input type=\"text\" id=\"by\" name=\"by\" value=\"P1D\" required>",
                    "Advance and run what is due", "clock-advance"))
                .Append("</section>");
        }
        html.Append(content).Append("</main><footer class=\"wrap\">")
            .Append(Form("/logout", "", "Sign out", "logout", "secondary")).Append("</footer>");
        return PageLayout.Render("en", $"{title} · PostPurchase", Branding, html.ToString(), "dash");
    }
}
