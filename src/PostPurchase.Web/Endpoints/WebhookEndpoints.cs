using PostPurchase.Web.Api;

namespace PostPurchase.Web.Endpoints;

/// <summary>Carrier and aggregator webhooks under <c>/api/webhooks/carriers</c>, authenticated by each provider's signature.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var carriers = app.MapGroup("/api/webhooks/carriers").WithTags("Webhooks");

        carriers.MapPost("/{provider}", (HttpContext context, string provider) => WebhookHandlers.ReceiveCarrierWebhookAsync(context, provider))
            .WithName("ReceiveCarrierWebhook")
            .WithSummary("aftership, easypost, sendcloud, shippo or generic: verified, normalised and routed (or parked until the parcel is registered).")
            .Produces<WebhookReceipt>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return app;
    }
}
