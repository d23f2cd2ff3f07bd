using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.Endpoints;

namespace PostPurchase.Functions.Http;

/// <summary>The merchant's order and admin API: the shared <see cref="OrderHandlers"/> and <see cref="AdminHandlers"/>, which check the API key themselves.</summary>
/// <remarks>The routes are anonymous to the Functions host; the merchant API key is checked by the shared handlers, as in the other runtime.</remarks>
public sealed class OrderFunctions
{
    /// <summary>POST /api/orders: order intake; the same order id again answers 200 with the existing order.</summary>
    [Function(nameof(PlaceOrder))]
    public Task<IActionResult> PlaceOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, OrderHandlers.PlaceAsync);

    /// <summary>GET /api/orders/{orderId}: the order, its status, timeline and next step.</summary>
    [Function(nameof(GetOrder))]
    public Task<IActionResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/orders/{orderId}")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => OrderHandlers.GetAsync(http, orderId));

    /// <summary>GET /api/orders/{orderId}/messages: every message with its content and status.</summary>
    [Function(nameof(GetOrderMessages))]
    public Task<IActionResult> GetOrderMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/orders/{orderId}/messages")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => OrderHandlers.GetMessagesAsync(http, orderId));

    /// <summary>POST /api/orders/{orderId}/shipments: registers a parcel.</summary>
    [Function(nameof(RegisterShipment))]
    public Task<IActionResult> RegisterShipment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders/{orderId}/shipments")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => OrderHandlers.RegisterShipmentAsync(http, orderId));

    /// <summary>POST /api/orders/{orderId}/cancel: the merchant cancelled the order.</summary>
    [Function(nameof(CancelOrder))]
    public Task<IActionResult> CancelOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders/{orderId}/cancel")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => OrderHandlers.CancelAsync(http, orderId));

    /// <summary>POST /api/orders/{orderId}/refund: the merchant refunded the order or marked it returned.</summary>
    [Function(nameof(RefundOrder))]
    public Task<IActionResult> RefundOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders/{orderId}/refund")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => OrderHandlers.RefundAsync(http, orderId));

    /// <summary>GET /api/admin/poison?max=50: inputs that failed every retry, newest first.</summary>
    [Function(nameof(GetPoisonInputs))]
    public Task<IActionResult> GetPoisonInputs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/admin/poison")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, AdminHandlers.GetPoisonInputsAsync);
}
