using PostPurchase.Web.Endpoints;
using PostPurchase.Web.OpenApi;
using PostPurchase.Web.Shops;
using PostPurchase.Web.Studio;

namespace PostPurchase.Web;

/// <summary>Maps every route a buyer, a merchant, a carrier or Twilio uses, as minimal APIs.</summary>
public static class WebEndpoints
{
    /// <summary>Maps the merchant API, webhooks, health, the OpenAPI document, the tracking page, the dashboard and the growth routes.</summary>
    public static WebApplication MapPostPurchaseWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthEndpoints();
        app.MapOrderEndpoints();
        app.MapAdminEndpoints();
        app.MapWebhookEndpoints();
        app.MapTwilioWebhooks();
        app.MapApiDocs();
        app.MapTrackingPageEndpoints();
        app.MapDashboardEndpoints();
        app.MapShopEndpoints();
        app.MapGrowthEndpoints();
        app.MapStudioEndpoints();
        return app;
    }
}
