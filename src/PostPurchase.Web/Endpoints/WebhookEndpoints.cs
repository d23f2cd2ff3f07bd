using PostPurchase.Web.Api;

namespace PostPurchase.Web.Endpoints;

/// <summary>Carrier and aggregator webhooks under <c>/api/webhooks/carriers</c> and ACS delivery reports, each authenticated by its provider's signature or key.</summary>
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

        app.MapPost("/api/webhooks/acs/events", (Delegate)ReceiveAcsEvents)
            .WithTags("Webhooks")
            .WithName("ReceiveAcsEvents")
            .WithSummary("ACS Email delivery reports through Event Grid: the subscription handshake, then each report as the message's status.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return app;
    }

    private static Task<IResult> ReceiveAcsEvents(HttpContext context) => AcsEventsApi.ReceiveAsync(context);
}
