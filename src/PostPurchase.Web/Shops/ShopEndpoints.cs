
namespace PostPurchase.Web.Shops;

/// <summary>Maps the shop webhooks and the dashboard's Shops page as minimal APIs (the Function App maps the same handlers as HTTP functions).</summary>
public static class ShopEndpoints
{
    /// <summary>Maps <c>POST /api/webhooks/shops/{platform}</c> for the three platforms and <c>GET /shops</c>.</summary>
    public static IEndpointRouteBuilder MapShopEndpoints(this IEndpointRouteBuilder app)
    {
        var shops = app.MapGroup("/api/webhooks/shops").WithTags("Shop webhooks");
        shops.MapPost("/shopify", (Delegate)ShopWebhookHttp.ShopifyAsync).WithName("ReceiveShopifyWebhook")
            .WithSummary("Shopify orders, fulfilments, fulfilment events and refunds; signed with X-Shopify-Hmac-Sha256.")
            .Produces<ShopReceipt>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        shops.MapPost("/woocommerce", (Delegate)ShopWebhookHttp.WooCommerceAsync).WithName("ReceiveWooCommerceWebhook")
            .WithSummary("WooCommerce order.created and order.updated; signed with X-WC-Webhook-Signature. The creation ping gets 200.")
            .Produces<ShopReceipt>().ProducesProblem(StatusCodes.Status401Unauthorized);
        shops.MapPost("/shopware", (Delegate)ShopWebhookHttp.ShopwareAsync).WithName("ReceiveShopwareWebhook")
            .WithSummary("Shopware 6 app webhooks (order.written and kin); signed with shopware-shop-signature; the order is read from the Admin API.")
            .Produces<ShopReceipt>().ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/shops", (Delegate)ShopsDashboardHttp.PageAsync).ExcludeFromDescription();
        return app;
    }
}
