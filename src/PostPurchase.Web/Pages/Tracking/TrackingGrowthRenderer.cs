using System.Text;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>Renders the tracking page's growth section: loyalty standing and recommendations, when there are any.</summary>
internal static class TrackingGrowthRenderer
{
    public static void Render(StringBuilder html, TrackingPageModel model)
    {
        if (model.Growth is not { } growth)
        {
            return;
        }
        var t = model.Text;
        if (growth.Loyalty is { } loyalty)
        {
            html.Append("<section class=\"card info\" data-testid=\"loyalty\"><p>");
            if (loyalty.Points is { } points)
            {
                html.Append(Html.E(t.Format("growth.loyalty", points.ToString("N0", t.Culture))));
            }
            if (loyalty.Tier is { } tier)
            {
                html.Append(loyalty.Points is null ? "" : "<br>").Append(Html.E(t.Format("growth.tier", tier)));
            }
            html.Append("</p></section>");
        }
        if (growth.Recommendations.Count == 0)
        {
            return;
        }
        html.Append("<section class=\"card\" aria-labelledby=\"rec-h\" data-testid=\"recommendations\"><h2 id=\"rec-h\">")
            .Append(Html.E(t["growth.recommendations"])).Append("</h2><ul class=\"items\">");
        foreach (var product in growth.Recommendations)
        {
            html.Append("<li>");
            if (product.ImageUrl is not null)
            {
                html.Append("<img src=\"").Append(Html.Url(product.ImageUrl)).Append("\" alt=\"\" width=\"56\" height=\"56\" loading=\"lazy\">");
            }
            html.Append("<a href=\"").Append(Html.Url(product.Url)).Append("\" data-testid=\"recommendation\">").Append(Html.E(product.Name)).Append("</a></li>");
        }
        html.Append("</ul></section>");
    }
}
