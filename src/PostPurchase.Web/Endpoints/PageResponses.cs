using System.Text;
using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Endpoints;

/// <summary>How the buyer's pages answer: HTML with a strict CSP and no caching, the plain 404 page, the rate-limit answer.</summary>
internal static class PageResponses
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>An HTML page that is never cached, framed, sniffed or leaks its URL as a referrer.</summary>
    public static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XFrameOptions = "DENY";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The same plain 404 page for a forged, damaged or expired token as for an unknown order.</summary>
    public static IResult NotFound(HttpContext context) => Page(context, NotFoundPage.Render(), StatusCodes.Status404NotFound);

    /// <summary>The page of an order accepted moments ago and not applied yet: 200, and the browser asks again shortly.</summary>
    public static IResult Pending(HttpContext context)
    {
        context.Response.Headers["Refresh"] = PendingOrderPage.RefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Page(context, PendingOrderPage.Render());
    }

    /// <summary>429 with Retry-After.</summary>
    public static IResult TooManyRequests(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "60";
        return Results.Text("Too many requests. Try again in a minute.", "text/plain", Encoding.UTF8, StatusCodes.Status429TooManyRequests);
    }
}
