using PostPurchase.Core.Orders.Intake;
using PostPurchase.Core.Orders;
using PostPurchase.Web.Security;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Endpoints;

/// <summary>Maps the merchant's order API under <c>/api/orders</c> (behind the API key) to <see cref="OrderHandlers"/>.</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders")
            .WithTags("Orders")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(ApiKeySecurity.Requirement);

        orders.MapPost("/", Task<IResult> (HttpContext context) => OrderHandlers.PlaceAsync(context))
            .WithName("PlaceOrder")
            .WithSummary("Takes an order in and starts its timeline; the same orderId again answers 200 with the existing order.")
            .Accepts<OrderIntakeRequest>("application/json")
            .Produces<OrderReceipt>(StatusCodes.Status202Accepted)
            .Produces<OrderReceipt>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        orders.MapGet("/{orderId}", (HttpContext context, string orderId) => OrderHandlers.GetAsync(context, orderId))
            .WithName("GetOrder")
            .WithSummary("The order, its status, expected delivery, timeline and next scheduled step.")
            .Produces<OrderView>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapGet("/{orderId}/messages", (HttpContext context, string orderId) => OrderHandlers.GetMessagesAsync(context, orderId))
            .WithName("GetOrderMessages")
            .WithSummary("Every message of the order: intent, channel, recipient, content, status and times.")
            .Produces<IReadOnlyList<MessageView>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{orderId}/shipments", (HttpContext context, string orderId) => OrderHandlers.RegisterShipmentAsync(context, orderId))
            .WithName("RegisterShipment")
            .WithSummary("Registers a parcel's tracking number; carrier events parked for it are replayed.")
            .Accepts<ShipmentRequest>("application/json")
            .Produces<ShipmentRef>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{orderId}/cancel", (HttpContext context, string orderId) => OrderHandlers.CancelAsync(context, orderId))
            .WithName("CancelOrder")
            .WithSummary("The merchant cancelled the order: the buyer is told, later messages are suppressed.")
            .Accepts<CancelOrderRequest>(isOptional: true, "application/json")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{orderId}/refund", (HttpContext context, string orderId) => OrderHandlers.RefundAsync(context, orderId))
            .WithName("RefundOrder")
            .WithSummary("The merchant refunded the order (returned: true when the goods came back); review requests stop.")
            .Accepts<RefundOrderRequest>(isOptional: true, "application/json")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }
}
