using System.Net;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Endpoints;

/// <summary>The merchant dashboard's pages: orders at <c>/</c>, one order, metrics and failures, the webhook log; both runtimes route to these handlers.</summary>
public static class DashboardHandlers
{
    private const int MaxOrders = 1000;

    /// <summary>GET /: the orders, filtered by status, cause, carrier, dates and search text.</summary>
    public static async Task<IResult> OrdersAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (s.Challenge() is { } challenge)
        {
            return challenge;
        }
        var q = context.Request.Query;
        var filter = new OrderFilter(q["status"], q["cause"], q["carrier"], Date(q["from"]), Date(q["to"]), q["q"]);
        var orders = await s.Services.GetRequiredService<IOrderCatalog>().ListAsync(MaxOrders, context.RequestAborted).ConfigureAwait(false);
        return s.Page(OrdersPage.Render(s.Chrome(), orders, filter));
    }

    /// <summary>GET /orders/{orderId}: the order's timeline, messages with previews, and its actions.</summary>
    public static async Task<IResult> OrderAsync(HttpContext context, string orderId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (s.Challenge() is { } challenge)
        {
            return challenge;
        }
        var snapshot = await s.Workflows.GetAsync(orderId, context.RequestAborted).ConfigureAwait(false);
        if (snapshot is null)
        {
            return s.Page(s.Chrome().Render("Not found", $"<h1>No order {WebUtility.HtmlEncode(orderId)}</h1>"), StatusCodes.Status404NotFound);
        }
        var tracking = s.Services.GetRequiredService<CustomerLinks>().For(orderId).TrackingUrl;
        return s.Page(OrderPage.Render(s.Chrome(), snapshot, tracking, Notice(context.Request.Query["done"])));
    }

    /// <summary>GET /metrics: message and delivery figures, and the inputs that failed every retry.</summary>
    public static async Task<IResult> MetricsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (s.Challenge() is { } challenge)
        {
            return challenge;
        }
        var orders = await s.Services.GetRequiredService<IOrderCatalog>().ListAsync(MaxOrders, context.RequestAborted).ConfigureAwait(false);
        var poison = await s.Services.GetRequiredService<IWorkflowRuntime>().GetPoisonInputsAsync(100, context.RequestAborted).ConfigureAwait(false);
        return s.Page(MetricsPage.Render(s.Chrome(), DashboardMetrics.Compute(orders, s.Time.GetUtcNow()), poison));
    }

    /// <summary>GET /webhooks: the log of signed webhooks sent to the shop, with replay.</summary>
    public static async Task<IResult> WebhooksAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (s.Challenge() is { } challenge)
        {
            return challenge;
        }
        var deliveries = await s.Services.GetRequiredService<IWebhookDeliveryLog>().ListAsync(200, context.RequestAborted).ConfigureAwait(false);
        var endpoints = s.Services.GetRequiredService<IOptions<MerchantWebhookOptions>>().Value.Endpoints.Count;
        var notice = context.Request.Query.ContainsKey("done") ? "Replayed; see the delivery's status." : null;
        return s.Page(WebhooksPage.Render(s.Chrome(), deliveries, endpoints, notice));
    }

    private static string? Notice(string? done) => done switch
    {
        null or "" => null,
        "resend" => "Resend requested. The new message appears below once the timeline applies it (reload in a moment).",
        _ => $"Done: {done}. The timeline applies it in a moment.",
    };

    private static DateOnly? Date(string? value) => DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date) ? date : null;
}
