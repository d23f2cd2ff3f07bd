using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Pages.Dashboard;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Endpoints;

/// <summary>The merchant dashboard at <c>/</c>: orders, one order's timeline, metrics, webhook log; behind the API key or its sign-in cookie.</summary>
public static class DashboardEndpoints
{
    private const int MaxOrders = 1000;

    /// <summary>Maps the dashboard pages, their actions and sign-in.</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dash = app.MapGroup("").ExcludeFromDescription();
        dash.MapGet("/", OrdersAsync);
        dash.MapGet("/orders/{orderId}", OrderAsync);
        dash.MapPost("/orders/{orderId}/{action:regex(^(cancel|refund)$)}", OrderActionAsync);
        dash.MapPost("/orders/{orderId}/resend", DashboardResend.ResendAsync);
        dash.MapGet("/metrics", MetricsAsync);
        dash.MapGet("/webhooks", WebhooksAsync);
        dash.MapPost("/webhooks/{id}/replay", ReplayAsync);
        dash.MapPost("/clock/advance", AdvanceClockAsync);
        dash.MapGet("/login", (HttpContext context, [AsParameters] DashServices s) => s.Page(context, LoginPage.Render(s.Branding, s.Form(context), DashboardAuth.SafeReturnUrl(context.Request.Query["returnUrl"]), failed: false)));
        dash.MapPost("/login", LoginAsync);
        dash.MapPost("/logout", LogoutAsync);
        return app;
    }

    private static async Task<IResult> OrdersAsync(HttpContext context, [AsParameters] DashServices s, IOrderCatalog catalog, CancellationToken ct)
    {
        if (s.Challenge(context) is { } challenge)
        {
            return challenge;
        }
        var q = context.Request.Query;
        var filter = new OrderFilter(q["status"], q["cause"], q["carrier"], Date(q["from"]), Date(q["to"]), q["q"]);
        var orders = await catalog.ListAsync(MaxOrders, ct);
        return s.Page(context, OrdersPage.Render(s.Chrome(context), orders, filter));
    }

    private static async Task<IResult> OrderAsync(string orderId, string? done, HttpContext context, [AsParameters] DashServices s, CustomerLinks links, CancellationToken ct)
    {
        if (s.Challenge(context) is { } challenge)
        {
            return challenge;
        }
        var snapshot = await s.Workflows.GetAsync(orderId, ct);
        return snapshot is null
            ? s.Page(context, s.Chrome(context).Render("Not found", $"<h1>No order {Html(orderId)}</h1>"), StatusCodes.Status404NotFound)
            : s.Page(context, OrderPage.Render(s.Chrome(context), snapshot, links.For(orderId).TrackingUrl, Notice(done)));
    }

    private static async Task<IResult> OrderActionAsync(string orderId, string action, HttpContext context, [AsParameters] DashServices s, CancellationToken ct)
    {
        if (await s.RejectPostAsync(context) is { } rejected)
        {
            return rejected;
        }
        TimelineInput input = action == "cancel" ? new OrderCancelled("merchant", "Cancelled in the dashboard.") : new OrderRefunded(false, "Marked refunded in the dashboard.");
        return await s.Workflows.RaiseAsync(orderId, input, ct)
            ? Results.Redirect($"/orders/{Uri.EscapeDataString(orderId)}?done={action}")
            : Results.NotFound();
    }

    private static string? Notice(string? done) => done switch
    {
        null => null,
        "resend" => "Resend requested. The new message appears below once the timeline applies it (reload in a moment).",
        _ => $"Done: {done}. The timeline applies it in a moment.",
    };

    private static async Task<IResult> MetricsAsync(HttpContext context, [AsParameters] DashServices s, IOrderCatalog catalog, IWorkflowRuntime runtime, CancellationToken ct)
    {
        if (s.Challenge(context) is { } challenge)
        {
            return challenge;
        }
        var orders = await catalog.ListAsync(MaxOrders, ct);
        var poison = await runtime.GetPoisonInputsAsync(100, ct);
        return s.Page(context, MetricsPage.Render(s.Chrome(context), DashboardMetrics.Compute(orders, s.Time.GetUtcNow()), poison));
    }

    private static async Task<IResult> WebhooksAsync(string? done, HttpContext context, [AsParameters] DashServices s, IWebhookDeliveryLog log, IOptions<MerchantWebhookOptions> webhooks, CancellationToken ct)
    {
        if (s.Challenge(context) is { } challenge)
        {
            return challenge;
        }
        var deliveries = await log.ListAsync(200, ct);
        return s.Page(context, WebhooksPage.Render(s.Chrome(context), deliveries, webhooks.Value.Endpoints.Count, done is null ? null : "Replayed; see the delivery's status."));
    }

    private static async Task<IResult> ReplayAsync(string id, HttpContext context, [AsParameters] DashServices s, IMerchantWebhooks webhooks, CancellationToken ct)
    {
        if (await s.RejectPostAsync(context) is { } rejected)
        {
            return rejected;
        }
        return await webhooks.ReplayAsync(id, ct) is null ? Results.NotFound() : Results.Redirect("/webhooks?done=replay");
    }

    private static async Task<IResult> AdvanceClockAsync(HttpContext context, [AsParameters] DashServices s, IWorkflowRuntime runtime, CancellationToken ct)
    {
        if (await s.RejectPostAsync(context) is { } rejected)
        {
            return rejected;
        }
        if (s.Time is not SimulatedClock clock)
        {
            return Results.Problem("The clock can only be moved when PostPurchase:Clock is Simulated.", statusCode: StatusCodes.Status404NotFound);
        }
        var form = await context.Request.ReadFormAsync(ct);
        TimeSpan by;
        try
        {
            by = XmlConvert.ToTimeSpan(form["by"].ToString());
        }
        catch (FormatException)
        {
            return Results.Problem("'by' must be an ISO 8601 duration such as P1D or PT6H.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (by <= TimeSpan.Zero)
        {
            return Results.Problem("'by' must be a positive duration.", statusCode: StatusCodes.Status400BadRequest);
        }
        clock.Advance(by);
        await runtime.DrainAsync(ct);
        return Results.Redirect(DashboardAuth.SafeReturnUrl(form["returnUrl"]));
    }

    private static async Task<IResult> LoginAsync(HttpContext context, [AsParameters] DashServices s, CancellationToken ct)
    {
        if (!await s.Antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        var form = await context.Request.ReadFormAsync(ct);
        var key = s.Options.Value.ApiKey;
        var returnUrl = DashboardAuth.SafeReturnUrl(form["returnUrl"]);
        if (string.IsNullOrEmpty(key) || !Api.ApiKeyCheck.Matches(form["key"].ToString(), key))
        {
            return s.Page(context, LoginPage.Render(s.Branding, s.Form(context), returnUrl, failed: true), StatusCodes.Status401Unauthorized);
        }
        DashboardAuth.SignIn(context.Response, key, context.Request.IsHttps);
        return Results.Redirect(returnUrl);
    }

    private static async Task<IResult> LogoutAsync(HttpContext context, [AsParameters] DashServices s)
    {
        if (!await s.Antiforgery.IsRequestValidAsync(context))
        {
            return Results.BadRequest();
        }
        DashboardAuth.SignOut(context.Response);
        return Results.Redirect("/login");
    }

    private static DateOnly? Date(string? value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? date : null;

    private static string Html(string value) => System.Net.WebUtility.HtmlEncode(value);

    /// <summary>The services every dashboard handler uses, resolved as one parameter.</summary>
    internal sealed class DashServices(IOrderWorkflows workflows, IAntiforgery antiforgery, IOptions<PostPurchaseOptions> options, TimeProvider time)
    {
        public IOrderWorkflows Workflows { get; } = workflows;
        public IAntiforgery Antiforgery { get; } = antiforgery;
        public IOptions<PostPurchaseOptions> Options { get; } = options;
        public TimeProvider Time { get; } = time;
        public Core.Messages.Branding Branding => Options.Value.Branding;

        /// <summary>Null when signed in; else a redirect to the sign-in page. A key in the request also sets the cookie.</summary>
        public IResult? Challenge(HttpContext context)
        {
            var key = Options.Value.ApiKey;
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
        public async Task<IResult?> RejectPostAsync(HttpContext context)
        {
            if (!DashboardAuth.IsSignedIn(context.Request, Options.Value.ApiKey))
            {
                return Results.Unauthorized();
            }
            return await Antiforgery.IsRequestValidAsync(context) ? null : Results.Problem("The form expired or did not come from the dashboard; reload the page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }

        public AntiforgeryField Form(HttpContext context)
        {
            var tokens = Antiforgery.GetAndStoreTokens(context);
            return new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken!);
        }

        public DashboardChrome Chrome(HttpContext context) =>
            new(Branding, Form(context), Time is SimulatedClock ? Time.GetUtcNow() : null, context.Request.Path + context.Request.QueryString);

        public IResult Page(HttpContext context, string html, int status = StatusCodes.Status200OK)
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
}
