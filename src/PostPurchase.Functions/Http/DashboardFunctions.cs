using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.Endpoints;

namespace PostPurchase.Functions.Http;

/// <summary>The merchant dashboard's pages: the shared <see cref="DashboardHandlers"/>, behind the API key or its sign-in cookie.</summary>
public sealed class DashboardFunctions
{
    /// <summary>GET /: the orders (the host's own splash page is turned off with AzureWebJobsDisableHomepage).</summary>
    [Function(nameof(DashboardOrders))]
    public Task<IActionResult> DashboardOrders(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "{root:maxlength(0)?}")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, DashboardHandlers.OrdersAsync);

    /// <summary>GET /orders/{orderId}: one order's timeline and messages.</summary>
    [Function(nameof(DashboardOrder))]
    public Task<IActionResult> DashboardOrder(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orders/{orderId}")] HttpRequest request,
        string orderId, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => DashboardHandlers.OrderAsync(http, orderId));

    /// <summary>GET /metrics: figures and failures.</summary>
    [Function(nameof(DashboardMetrics))]
    public Task<IActionResult> DashboardMetrics(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "metrics")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, DashboardHandlers.MetricsAsync);

    /// <summary>GET /webhooks: the log of webhooks sent to the shop.</summary>
    [Function(nameof(DashboardWebhooks))]
    public Task<IActionResult> DashboardWebhooks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "webhooks")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, DashboardHandlers.WebhooksAsync);

    /// <summary>GET /login: the sign-in form.</summary>
    [Function(nameof(DashboardLoginPage))]
    public Task<IActionResult> DashboardLoginPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "login")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, DashboardSignIn.LoginPageAsync);

    /// <summary>POST /login: signs in with the API key.</summary>
    [Function(nameof(DashboardLogin))]
    public Task<IActionResult> DashboardLogin(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "login")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, DashboardSignIn.LoginAsync);

    /// <summary>POST /logout: signs out.</summary>
    [Function(nameof(DashboardLogout))]
    public Task<IActionResult> DashboardLogout(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "logout")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, DashboardSignIn.LogoutAsync);
}
