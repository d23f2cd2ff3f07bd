using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Endpoints;

/// <summary>The services and checks every dashboard handler uses, resolved from the request.</summary>
internal sealed class DashboardServices(HttpContext context)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public IServiceProvider Services { get; } = context.RequestServices;
    public IOrderWorkflows Workflows => Services.GetRequiredService<IOrderWorkflows>();
    public IAntiforgery Antiforgery => Services.GetRequiredService<IAntiforgery>();
    public PostPurchaseOptions Options => Services.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();
    public Core.Messages.Branding Branding => Options.Branding;

    /// <summary>Null when signed in; else a redirect to the sign-in page. A key in the request also sets the cookie.</summary>
    public IResult? Challenge()
    {
        var key = Options.ApiKey;
        if (!DashboardAuth.IsSignedIn(context.Request, key))
        {
            return Results.Redirect($"/login?returnUrl={Uri.EscapeDataString(context.Request.Path + context.Request.QueryString)}");
        }
        if (!context.Request.Cookies.ContainsKey(DashboardAuth.CookieName))
        {
            DashboardAuth.SignIn(context.Response, key!, context.Request.IsHttps);
        }
        return null;
    }

    /// <summary>Null when a POST is signed in and carries a valid anti-forgery token; else 401 or 400.</summary>
    public async Task<IResult?> RejectPostAsync()
    {
        if (!DashboardAuth.IsSignedIn(context.Request, Options.ApiKey))
        {
            return Results.Unauthorized();
        }
        return await Antiforgery.IsRequestValidAsync(context).ConfigureAwait(false)
            ? null
            : Results.Problem("The form expired or did not come from the dashboard; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
    }

    public AntiforgeryField Form()
    {
        var tokens = Antiforgery.GetAndStoreTokens(context);
        return new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken!);
    }

    public DashboardChrome Chrome() =>
        new(Branding, Form(), Time is SimulatedClock ? Time.GetUtcNow() : null, context.Request.Path + context.Request.QueryString);

    /// <summary>A dashboard page: never cached or framed; the referrer stays on this site.</summary>
    public IResult Page(string html, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
