namespace PostPurchase.Web.Pages.Tracking;

/// <summary>The page shown when an action is refused: why, in the buyer's language, and the way back.</summary>
public static class ActionErrorPage
{
    /// <summary>Renders the refusal whose page text key is <paramref name="errorKey"/> (e.g. "error.noItems").</summary>
    public static string Render(TrackingPageModel model, string errorKey)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Text;
        var body = $"<main id=\"main\" class=\"wrap\"><h1>{Html.E(t["error.title"])}</h1>"
            + $"<p class=\"error\" role=\"alert\" data-testid=\"action-error\">{Html.E(t[errorKey])}</p>"
            + $"<p><a class=\"button\" href=\"{Html.E(model.BasePath)}?lang={Html.E(t.Locale)}\">{Html.E(t["error.back"])}</a></p></main>";
        return PageLayout.Render(t.Locale, t["error.title"], model.Branding, body, "track");
    }
}
