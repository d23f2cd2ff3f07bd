using System.Text;
using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Growth;

/// <summary>How the buyer-facing growth routes answer: the pages' security headers, the 404 that reveals nothing, 429 with Retry-After.</summary>
internal static class BuyerPageResults
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        NoStore(context);
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        context.Response.Headers.XFrameOptions = "DENY";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult NotFound(HttpContext context) => Page(context, NotFoundPage.Render(), StatusCodes.Status404NotFound);

    public static IResult TooManyRequests(HttpContext context)
    {
        context.Response.Headers.RetryAfter = "60";
        return Results.Text("Too many requests. Try again in a minute.", "text/plain", Encoding.UTF8, StatusCodes.Status429TooManyRequests);
    }

    /// <summary>Never cached, never told where the buyer came from (the token is in the path).</summary>
    public static void NoStore(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
