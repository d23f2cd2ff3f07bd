using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Api;
using PostPurchase.Web.Security;

namespace PostPurchase.Web.Endpoints;

/// <summary>The merchant's order API, behind the API key; both runtimes route to these handlers.</summary>
public static class OrderHandlers
{
    /// <summary>POST /api/orders: order intake; the same order id again answers 200 with the existing order.</summary>
    public static async Task<IResult> PlaceAsync(HttpContext context) =>
        ApiKeyGate.Refuse(context)
        ?? await OrderApi.PlaceAsync(context.Request, Workflows(context), Links(context), context.RequestAborted).ConfigureAwait(false);

    /// <summary>GET /api/orders/{orderId}: the order, its status, timeline and next step.</summary>
    public static async Task<IResult> GetAsync(HttpContext context, string orderId) =>
        ApiKeyGate.Refuse(context)
        ?? await OrderApi.GetAsync(orderId, Workflows(context), Links(context), context.RequestAborted).ConfigureAwait(false);

    /// <summary>GET /api/orders/{orderId}/messages: every message with its content and status.</summary>
    public static async Task<IResult> GetMessagesAsync(HttpContext context, string orderId) =>
        ApiKeyGate.Refuse(context)
        ?? await OrderApi.GetMessagesAsync(orderId, Workflows(context), context.RequestAborted).ConfigureAwait(false);

    /// <summary>POST /api/orders/{orderId}/shipments: registers a parcel.</summary>
    public static async Task<IResult> RegisterShipmentAsync(HttpContext context, string orderId) =>
        ApiKeyGate.Refuse(context)
        ?? await OrderApi.RegisterShipmentAsync(orderId, context.Request, Workflows(context), context.RequestAborted).ConfigureAwait(false);

    /// <summary>POST /api/orders/{orderId}/cancel: the merchant cancelled the order.</summary>
    public static async Task<IResult> CancelAsync(HttpContext context, string orderId) =>
        ApiKeyGate.Refuse(context)
        ?? await OrderApi.CancelAsync(orderId, context.Request, Workflows(context), context.RequestAborted).ConfigureAwait(false);

    /// <summary>POST /api/orders/{orderId}/refund: the merchant refunded the order or marked it returned.</summary>
    public static async Task<IResult> RefundAsync(HttpContext context, string orderId) =>
        ApiKeyGate.Refuse(context)
        ?? await OrderApi.RefundAsync(orderId, context.Request, Workflows(context), context.RequestAborted).ConfigureAwait(false);

    private static IOrderWorkflows Workflows(HttpContext context) => context.RequestServices.GetRequiredService<IOrderWorkflows>();

    private static CustomerLinks Links(HttpContext context) => context.RequestServices.GetRequiredService<CustomerLinks>();
}
