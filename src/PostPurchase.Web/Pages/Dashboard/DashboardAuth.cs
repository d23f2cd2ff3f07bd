using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>Who may see the dashboard: the API key (header or <c>?code=</c>) or the sign-in cookie derived from it.</summary>
/// <remarks>The cookie holds HMAC-SHA256(key, label), never the key itself; changing the key signs everyone out.</remarks>
public static class DashboardAuth
{
    /// <summary>The sign-in cookie's name.</summary>
    public const string CookieName = "pp_dash";

    /// <summary>The cookie value for <paramref name="apiKey"/>.</summary>
    public static string CookieValue(string apiKey) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(Encoding.UTF8.GetBytes(apiKey), "postpurchase-dashboard-v1"u8));

    /// <summary>True when the request carries the key or a valid cookie; always false when no key is configured.</summary>
    public static bool IsSignedIn(HttpRequest request, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrEmpty(apiKey))
        {
            return false;
        }
        if (ApiKeyCheck.IsAuthorized(request, apiKey))
        {
            return true;
        }
        return request.Cookies.TryGetValue(CookieName, out var cookie) && cookie is not null && ApiKeyCheck.Matches(cookie, CookieValue(apiKey));
    }

    /// <summary>Sets the HttpOnly, SameSite=Strict sign-in cookie (Secure over HTTPS).</summary>
    public static void SignIn(HttpResponse response, string apiKey, bool secure)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Append(CookieName, CookieValue(apiKey), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = secure,
            Path = "/",
            MaxAge = TimeSpan.FromHours(12),
        });
    }

    /// <summary>Removes the sign-in cookie.</summary>
    public static void SignOut(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Cookies.Delete(CookieName, new CookieOptions { Path = "/" });
    }

    /// <summary>A local path to return to after sign-in; anything else becomes "/".</summary>
    public static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/' && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : "/";
}
