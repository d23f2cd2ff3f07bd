using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Functions.Http;
using PostPurchase.Web.Shops;

namespace PostPurchase.Functions.Shops;

/// <summary>Shop webhooks and the dashboard's Shops page on the Function App: the shared handlers, on the same routes as the Host.</summary>
public sealed class ShopFunctions
{
    /// <summary>POST /api/webhooks/shops/shopify.</summary>
    [Function(nameof(ShopifyWebhook))]
    public Task<IActionResult> ShopifyWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/shops/shopify")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, ShopWebhookHttp.ShopifyAsync);

    /// <summary>POST /api/webhooks/shops/woocommerce.</summary>
    [Function(nameof(WooCommerceWebhook))]
    public Task<IActionResult> WooCommerceWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/shops/woocommerce")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, ShopWebhookHttp.WooCommerceAsync);

    /// <summary>POST /api/webhooks/shops/shopware.</summary>
    [Function(nameof(ShopwareWebhook))]
    public Task<IActionResult> ShopwareWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/shops/shopware")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, ShopWebhookHttp.ShopwareAsync);

    /// <summary>GET /shops: the dashboard's Shops page.</summary>
    [Function(nameof(ShopsPage))]
    public Task<IActionResult> ShopsPage(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "shops")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, ShopsDashboardHttp.PageAsync);
}
