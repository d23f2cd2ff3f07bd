using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using PostPurchase.Functions.Workflows;
using PostPurchase.Web.Api;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Http;

/// <summary>The merchant's order API (same routes, checks and answers as the self-hosted runtime, from the shared <see cref="OrderApi"/>).</summary>
/// <remarks>The routes are anonymous to the Functions host; the merchant API key is checked by the shared <see cref="ApiKeyCheck"/>, as in the other runtime.</remarks>
public sealed class OrderFunctions(IOrderWorkflows workflows, CustomerLinks links, IOptionsSnapshot<PostPurchaseOptions> settings)
{
    /// <summary>POST /api/orders: order intake; the same order id again answers 200 with the existing order.</summary>
    [Function(nameof(PlaceOrder))]
    public Task<IActionResult> PlaceOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        DriveAsync(request, client, context, ct => OrderApi.PlaceAsync(request, workflows, links, ct));

    /// <summary>GET /api/orders/{orderId}: the order, its status, timeline and next step.</summary>
    [Function(nameof(GetOrder))]
    public async Task<IActionResult> GetOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/orders/{orderId}")] HttpRequest request,
        string orderId,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Refuse(request)
            ?? HttpResultAction.From(await OrderApi.GetAsync(orderId, workflows, links, context.CancellationToken));
    }

    /// <summary>GET /api/orders/{orderId}/messages: every message with its content and status.</summary>
    [Function(nameof(GetOrderMessages))]
    public async Task<IActionResult> GetOrderMessages(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/orders/{orderId}/messages")] HttpRequest request,
        string orderId,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Refuse(request)
            ?? HttpResultAction.From(await OrderApi.GetMessagesAsync(orderId, workflows, context.CancellationToken));
    }

    /// <summary>POST /api/orders/{orderId}/shipments: registers a parcel.</summary>
    [Function(nameof(RegisterShipment))]
    public Task<IActionResult> RegisterShipment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders/{orderId}/shipments")] HttpRequest request,
        string orderId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        DriveAsync(request, client, context, ct => OrderApi.RegisterShipmentAsync(orderId, request, workflows, ct));

    /// <summary>POST /api/orders/{orderId}/cancel: the merchant cancelled the order.</summary>
    [Function(nameof(CancelOrder))]
    public Task<IActionResult> CancelOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders/{orderId}/cancel")] HttpRequest request,
        string orderId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        DriveAsync(request, client, context, ct => OrderApi.CancelAsync(orderId, request, workflows, ct));

    /// <summary>POST /api/orders/{orderId}/refund: the merchant refunded the order or marked it returned.</summary>
    [Function(nameof(RefundOrder))]
    public Task<IActionResult> RefundOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/orders/{orderId}/refund")] HttpRequest request,
        string orderId,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        DriveAsync(request, client, context, ct => OrderApi.RefundAsync(orderId, request, workflows, ct));

    /// <summary>A route that drives a timeline: the API key, then the shared handler with this invocation's durable client.</summary>
    private async Task<IActionResult> DriveAsync<TResult>(
        HttpRequest request, DurableTaskClient client, FunctionContext context, Func<CancellationToken, Task<TResult>> handle)
        where TResult : IResult
    {
        if (Refuse(request) is { } refusal)
        {
            return refusal;
        }

        Attach(context, client, request);
        return HttpResultAction.From(await handle(context.CancellationToken));
    }

    private IActionResult? Refuse(HttpRequest request) =>
        ApiKeyCheck.IsAuthorized(request, settings.Value.ApiKey) ? null : HttpResultAction.From(ApiProblems.MissingApiKey());

    private static void Attach(FunctionContext context, DurableTaskClient client, HttpRequest request) =>
        DurableClientScope.Attach(context, client, request.HttpContext);
}
