using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.Endpoints;

namespace PostPurchase.Functions.Http;

/// <summary>The dashboard's form posts: the shared <see cref="DashboardActions"/> (signed in, anti-forgery checked). The simulated clock's form stays with the self-hosted runtime.</summary>
public sealed class DashboardActionFunctions
{
    /// <summary>POST /orders/{orderId}/cancel.</summary>
    [Function(nameof(DashboardCancel))]
    public Task<IActionResult> DashboardCancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/cancel")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => DashboardActions.CancelAsync(http, orderId));

    /// <summary>POST /orders/{orderId}/refund.</summary>
    [Function(nameof(DashboardRefund))]
    public Task<IActionResult> DashboardRefund(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/refund")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => DashboardActions.RefundAsync(http, orderId));

    /// <summary>POST /orders/{orderId}/resend.</summary>
    [Function(nameof(DashboardResend))]
    public Task<IActionResult> DashboardResend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orders/{orderId}/resend")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => DashboardActions.ResendAsync(http, orderId));

    /// <summary>POST /webhooks/{id}/replay.</summary>
    [Function(nameof(DashboardReplay))]
    public Task<IActionResult> DashboardReplay(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "webhooks/{id}/replay")] HttpRequest request,
        string id, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => DashboardActions.ReplayAsync(http, id));
}
