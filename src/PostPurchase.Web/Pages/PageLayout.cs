using System.Text;
using PostPurchase.Core.Messages;

namespace PostPurchase.Web.Pages;

/// <summary>The HTML document around every page: language, viewport, local stylesheet and script, brand colours.</summary>
internal static class PageLayout
{
    /// <summary>The stylesheet and script every page links; served by the host from the embedded assets.</summary>
    public const string AssetsPath = "/assets";

    public static string Render(string lang, string title, Branding branding, string body, string bodyClass = "")
    {
        var primary = Html.Color(branding.PrimaryColor, "#1f6feb");
        var accent = Html.Color(branding.AccentColor, "#0d1117");
        var page = new StringBuilder(body.Length + 1024);
        page.Append("<!DOCTYPE html>\n<html lang=\"").Append(Html.E(lang)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex, nofollow\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n")
            .Append("<title>").Append(Html.E(title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(AssetsPath).Append("/pages.css\">\n")
            .Append("<style>:root{--brand:").Append(primary).Append(";--accent:").Append(accent).Append(";}</style>\n")
            .Append("<script src=\"").Append(AssetsPath).Append("/pages.js\" defer></script>\n")
            .Append("</head>\n<body class=\"").Append(Html.E(bodyClass)).Append("\">\n")
            .Append("<a class=\"skip\" href=\"#main\">").Append(lang == "en" ? "Skip to content" : "↓").Append("</a>\n")
            .Append(body)
            .Append("\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>A hidden anti-forgery field, when the host issues tokens.</summary>
    public static string Antiforgery(AntiforgeryField? field) =>
        field is null ? "" : $"<input type=\"hidden\" name=\"{Html.E(field.Name)}\" value=\"{Html.E(field.Value)}\">";
}

/// <summary>The anti-forgery form field the host issued for this response.</summary>
public sealed record AntiforgeryField(string Name, string Value);
