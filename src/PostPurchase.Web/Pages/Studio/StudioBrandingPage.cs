using PostPurchase.Core.Messages;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Web.Pages.Tracking;

namespace PostPurchase.Web.Pages.Studio;

/// <summary><c>/studio/branding</c>: shop name, logo, colours with their contrast, contacts, return policy per locale, sender name, and previews.</summary>
internal static class StudioBrandingPage
{
    public static string Render(DashboardChrome chrome, LiveSettings live, Branding draft, IReadOnlyList<SettingsError> errors, string? notice, DateTimeOffset now)
    {
        var html = StudioHtml.Start("Branding", "/studio/branding", live, notice);
        StudioHtml.Errors(html, errors);
        var form = new System.Text.StringBuilder()
            .Append(StudioHtml.Field("Shop name", "shopName", draft.ShopName))
            .Append(StudioHtml.Field("Logo URL", "logoUrl", draft.LogoUrl, "url", "An absolute https address of the logo image, about 40 pixels high."))
            .Append(StudioHtml.Field("Main colour (email header)", "primaryColor", draft.PrimaryColor, hint: Contrast(draft.PrimaryColor)))
            .Append(StudioHtml.Field("Accent colour (page header, links)", "accentColor", draft.AccentColor, hint: Contrast(draft.AccentColor)))
            .Append(StudioHtml.Field("Support email", "supportEmail", draft.SupportEmail, "email"))
            .Append(StudioHtml.Field("Support phone", "supportPhone", draft.SupportPhone, "tel", "International form, such as +31201234567."))
            .Append(StudioHtml.Field("Return policy URL", "returnPolicyUrl", draft.ReturnPolicyUrl, "url"))
            .Append(StudioHtml.Field("Review URL", "reviewUrl", draft.ReviewUrl, "url", "Where buyers review when an item has no product page."))
            .Append(StudioHtml.Field("Email sender name", "senderName", draft.SenderName, hint: "Shown as the sender of every email; the shop name when empty."))
            .Append("<fieldset><legend>Return policy in one sentence, per language (empty: the built-in text)</legend>");
        foreach (var locale in LocaleFormat.Supported)
            form.Append(StudioHtml.Field(locale.ToUpperInvariant(), $"returnPolicy.{locale}", draft.ReturnPolicySummary.GetValueOrDefault(locale)));
        form.Append("</fieldset>").Append(StudioHtml.SaveBar(live.Version));
        html.Append("<section class=\"card\" aria-labelledby=\"brand-h\"><h2 id=\"brand-h\">Look and contacts</h2>")
            .Append(StudioHtml.Form(chrome, "/studio/branding", form.ToString(), "branding-form")).Append("</section>");
        Previews(html, draft, live, now);
        return chrome.Render("Studio: branding", html.ToString());
    }

    private static void Previews(System.Text.StringBuilder html, Branding draft, LiveSettings live, DateTimeOffset now)
    {
        html.Append("<section class=\"card\" aria-labelledby=\"preview-h\"><h2 id=\"preview-h\">Preview with the sample order</h2>");
        try
        {
            var composer = new MessageComposer(draft, live.Stored.Settings.Templates);
            var email = StudioPreview.Render(composer, Intent.Shipped, Channel.Email, "en");
            var page = TrackingPageRenderer.Render(new TrackingPageModel(StudioPreview.SampleState(), draft, live.Policy, new PagesOptions(), now, "en", "/studio/branding"));
            html.Append("<h3>Tracking page</h3><iframe class=\"preview\" sandbox=\"\" title=\"Tracking page preview\" data-testid=\"tracking-preview\" srcdoc=\"").Append(Html.E(page)).Append("\" width=\"100%\" height=\"420\"></iframe>")
                .Append("<h3>Shipped email</h3><iframe class=\"preview\" sandbox=\"\" title=\"Email preview\" data-testid=\"email-preview\" srcdoc=\"").Append(Html.E(email.Html)).Append("\" width=\"100%\" height=\"420\"></iframe>");
        }
        catch (Exception e) when (e is ArgumentException or MessageTemplateException)
        {
            html.Append("<p class=\"error\">No preview until the branding is valid: ").Append(Html.E(e.Message)).Append("</p>");
        }
        html.Append("</section>");
    }

    private static string Contrast(string colour)
    {
        try
        {
            var ratio = ColorContrast.Ratio("#ffffff", colour);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"CSS hex, such as #1f6feb. White text on it: contrast {ratio:0.0}:1 ({(ratio >= ColorContrast.Minimum ? "readable" : "too low, at least 4.5:1 needed")}).");
        }
        catch (FormatException)
        {
            return "CSS hex, such as #1f6feb.";
        }
    }
}
