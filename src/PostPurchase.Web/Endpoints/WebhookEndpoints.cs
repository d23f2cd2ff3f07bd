using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PostPurchase.Web.Api;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Endpoints;

/// <summary>Carrier and aggregator webhooks under <c>/api/webhooks/carriers</c> and ACS delivery reports, each authenticated by its provider's signature or key.</summary>
public static class WebhookEndpoints
{
    public static IEndpointRouteBuilder MapWebhookEndpoints(this IEndpointRouteBuilder app)
    {
        var carriers = app.MapGroup("/api/webhooks/carriers").WithTags("Webhooks");

        carriers.MapPost("/{provider}", ReceiveCarrierWebhook)
            .WithName("ReceiveCarrierWebhook")
            .WithSummary("aftership, easypost, sendcloud, shippo or generic: verified, normalised and routed (or parked until the parcel is registered).")
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

    private static Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveCarrierWebhook(
        string provider, HttpRequest request, IOptionsSnapshot<PostPurchaseOptions> options, ITrackingIngress ingress,
        ILoggerFactory loggers, CancellationToken cancellationToken) =>
        CarrierWebhookApi.ReceiveAsync(provider, request, options, ingress, loggers, cancellationToken);
}
