using PostPurchase.Web.Api;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Endpoints;

/// <summary>The dashboard's sign-in with the merchant API key, and sign-out; both runtimes route to these handlers.</summary>
public static class DashboardSignIn
{
    /// <summary>GET /login?returnUrl=: the sign-in form.</summary>
    public static Task<IResult> LoginPageAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        var returnUrl = DashboardAuth.SafeReturnUrl(context.Request.Query["returnUrl"]);
        return Task.FromResult(s.Page(LoginPage.Render(s.Branding, s.Form(), returnUrl, failed: false)));
    }

    /// <summary>POST /login: checks the key in constant time, sets the sign-in cookie and returns to where the merchant was going.</summary>
    public static async Task<IResult> LoginAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (!await s.Antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Results.BadRequest();
        }
        if (await RequestForm.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false) is not { } form)
        {
            return RequestForm.Unreadable();
        }
        var key = s.Options.ApiKey;
        var returnUrl = DashboardAuth.SafeReturnUrl(form["returnUrl"]);
        if (string.IsNullOrEmpty(key) || !ApiKeyCheck.Matches(form["key"].ToString(), key))
        {
            return s.Page(LoginPage.Render(s.Branding, s.Form(), returnUrl, failed: true), StatusCodes.Status401Unauthorized);
        }
        DashboardAuth.SignIn(context.Response, key, context.Request.IsHttps);
        return Results.Redirect(returnUrl);
    }

    /// <summary>POST /logout: clears the sign-in cookie.</summary>
    public static async Task<IResult> LogoutAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (!await s.Antiforgery.IsRequestValidAsync(context).ConfigureAwait(false))
        {
            return Results.BadRequest();
        }
        DashboardAuth.SignOut(context.Response);
        return Results.Redirect("/login");
    }
}
