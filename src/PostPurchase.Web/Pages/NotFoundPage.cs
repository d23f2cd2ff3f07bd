using PostPurchase.Core.Messages;

namespace PostPurchase.Web.Pages;

/// <summary>The plain 404 page for a bad, forged or expired link: it says nothing about whether an order exists.</summary>
public static class NotFoundPage
{
    /// <summary>The page in every supported language, so it needs no locale from the (unreadable) token.</summary>
    public static string Render()
    {
        var lines = string.Concat(PageText.Locales.Select(l =>
        {
            var text = PageText.For(l);
            return $"<p lang=\"{l}\">{Html.E(text["notFound.text"])}</p>";
        }));
        var body = $"<main id=\"main\" class=\"wrap\"><h1>{Html.E(PageText.For("en")["notFound.title"])}</h1>{lines}</main>";
        return PageLayout.Render("en", PageText.For("en")["notFound.title"], new Branding(), body, "not-found");
    }
}
