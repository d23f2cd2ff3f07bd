using PostPurchase.Core.Messages;

namespace PostPurchase.Web.Pages;

/// <summary>
/// The page behind a fresh, genuine link whose order is still on its way from intake to the timeline: it says so in every
/// language and reloads itself, instead of a 404 the buyer would take for a lost order.
/// </summary>
public static class PendingOrderPage
{
    /// <summary>How long after a link is made its order may still be missing before the link answers 404 like any other.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Seconds between the browser's reloads.</summary>
    public const int RefreshSeconds = 5;

    /// <summary>The page in every supported language (the order, and so the buyer's language, is not known yet).</summary>
    public static string Render()
    {
        var lines = string.Concat(PageText.Locales.Select(l =>
        {
            var text = PageText.For(l);
            return $"<p lang=\"{l}\">{Html.E(text["pending.text"])}</p>";
        }));
        var title = PageText.For("en")["pending.title"];
        var body = $"<main id=\"main\" class=\"wrap\" aria-live=\"polite\"><h1>{Html.E(title)}</h1>{lines}</main>";
        return PageLayout.Render("en", title, new Branding(), body, "pending");
    }
}
