using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Time;

namespace PostPurchase.Web.Pages.Dashboard.Experiments;

/// <summary>The A/B test pages of the dashboard (<c>/experiments</c>, <c>/experiments/{id}</c>), behind the merchant's sign-in; served by both runtimes.</summary>
public static class ExperimentsHandler
{
    private const int MaxOrders = 1000;

    /// <summary>GET /experiments: the configured tests.</summary>
    public static async Task<IResult> ListAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Challenge(context) is { } challenge)
        {
            return challenge;
        }
        var growth = await GrowthAsync(context);
        var orders = await context.RequestServices.GetRequiredService<IOrderCatalog>().ListAsync(MaxOrders, context.RequestAborted);
        var reports = growth.Experiments.Select(t => ExperimentReport.Compute(t, orders, growth.AttributionWindowDays)).ToList();
        return Page(context, ExperimentPage.RenderList(Chrome(context), reports));
    }

    /// <summary>GET /experiments/{id}: one test per arm; 404 for a test that is not configured.</summary>
    public static async Task<IResult> ShowAsync(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Challenge(context) is { } challenge)
        {
            return challenge;
        }
        var growth = await GrowthAsync(context);
        var test = growth.Experiments.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.Ordinal));
        if (test is null)
        {
            return Page(context, Chrome(context).Render("Not found", $"<h1>No A/B test {Html.E(id)}</h1><p><a href=\"/experiments\">All tests</a></p>"), StatusCodes.Status404NotFound);
        }
        var orders = await context.RequestServices.GetRequiredService<IOrderCatalog>().ListAsync(MaxOrders, context.RequestAborted);
        return Page(context, ExperimentPage.Render(Chrome(context), ExperimentReport.Compute(test, orders, growth.AttributionWindowDays)));
    }

    /// <summary>The tests of the studio settings version in force (the configuration file's until one is saved).</summary>
    private static async Task<Core.Growth.GrowthPolicy> GrowthAsync(HttpContext context) =>
        (await context.RequestServices.GetRequiredService<IStudioSettings>().CurrentAsync(context.RequestAborted)).Policy.Growth;

    private static PostPurchaseOptions Options(HttpContext context) => context.RequestServices.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;

    private static IResult? Challenge(HttpContext context)
    {
        var key = Options(context).ApiKey;
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

    private static DashboardChrome Chrome(HttpContext context)
    {
        var services = context.RequestServices;
        var tokens = services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        var time = services.GetRequiredService<TimeProvider>();
        return new DashboardChrome(Options(context).Branding, new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken!),
            time is SimulatedClock ? time.GetUtcNow() : null, context.Request.Path + context.Request.QueryString);
    }

    private static IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' https: data:; style-src 'self' 'unsafe-inline'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
