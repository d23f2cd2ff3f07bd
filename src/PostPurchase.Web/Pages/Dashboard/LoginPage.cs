using PostPurchase.Core.Messages;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The dashboard sign-in: the merchant enters the API key once and gets an HttpOnly cookie derived from it.</summary>
public static class LoginPage
{
    /// <summary>Renders the form; <paramref name="failed"/> shows that the key was wrong.</summary>
    public static string Render(Branding branding, AntiforgeryField? antiforgery, string returnUrl, bool failed)
    {
        ArgumentNullException.ThrowIfNull(branding);
        var error = failed ? "<p class=\"error\" role=\"alert\" data-testid=\"login-error\">That key is not valid.</p>" : "";
        var body = "<main id=\"main\" class=\"wrap\"><section class=\"card\" aria-labelledby=\"login-h\"><h1 id=\"login-h\">Sign in to the dashboard</h1>" + error
            + "<form method=\"post\" action=\"/login\">" + PageLayout.Antiforgery(antiforgery)
            + $"<input type=\"hidden\" name=\"returnUrl\" value=\"{Html.E(returnUrl)}\">"
            + "<label for=\"key\">API key (PostPurchase:ApiKey)</label><input type=\"password\" id=\"key\" name=\"key\" autocomplete=\"current-password\" required>"
            + "<button type=\"submit\" data-testid=\"login-button\">Sign in</button></form></section></main>";
        return PageLayout.Render("en", "Sign in · PostPurchase", branding, body, "dash");
    }
}
