using System.Text;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;
using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Growth;

/// <summary>The unsubscribe page in the buyer's language: the question with one button, or the confirmation.</summary>
public static class UnsubscribePage
{
    /// <summary>Renders the page for the order in <paramref name="state"/>; <paramref name="path"/> is the page's own path, where the form posts.</summary>
    public static string Render(TimelineState state, Branding branding, string path, bool done)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(branding);
        var t = PageText.For(state.Order.Customer.Locale);
        var html = new StringBuilder(2048);
        html.Append("<header class=\"brand\"><div class=\"wrap\"><span class=\"shop\">").Append(Html.E(branding.ShopName)).Append("</span></div></header>")
            .Append("<main id=\"main\" class=\"wrap\"><section class=\"card\" aria-labelledby=\"unsub-h\"><h1 id=\"unsub-h\">").Append(Html.E(t["unsubscribe.title"])).Append("</h1>");
        if (done)
        {
            html.Append("<p role=\"status\" data-testid=\"unsubscribed\">").Append(Html.E(t["unsubscribe.done"])).Append("</p>");
        }
        else
        {
            html.Append("<p>").Append(Html.E(t.Format("unsubscribe.text", branding.ShopName))).Append("</p>")
                .Append("<form method=\"post\" action=\"").Append(Html.E(path)).Append("\"><button type=\"submit\" data-testid=\"unsubscribe\">")
                .Append(Html.E(t["unsubscribe.button"])).Append("</button></form>");
        }
        var tracking = path.Replace("/unsubscribe/", "/track/", StringComparison.Ordinal);
        html.Append("<p><a href=\"").Append(Html.E(tracking)).Append("#consent\">").Append(Html.E(t["unsubscribe.texts"])).Append("</a></p></section></main>");
        return PageLayout.Render(t.Locale, t["unsubscribe.title"], branding, html.ToString(), "track");
    }
}
