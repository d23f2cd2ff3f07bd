using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Core.Orders.Intake;
using PostPurchase.Core.Orders;
using PostPurchase.Web.Security;
using PostPurchase.Web.Api;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Endpoints;

/// <summary>The merchant's order API under <c>/api/orders</c>, behind the API key.</summary>
public static class OrderEndpoints
{
    public static IEndpointRouteBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders")
            .WithTags("Orders")
            .AddEndpointFilter<ApiKeyFilter>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithMetadata(ApiKeySecurity.Requirement);

        orders.MapPost("/", PlaceOrder)
            .WithName("PlaceOrder")
            .WithSummary("Takes an order in and starts its timeline; the same orderId again answers 200 with the existing order.")
            .Accepts<OrderIntakeRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        orders.MapGet("/{orderId}", GetOrder)
            .WithName("GetOrder")
            .WithSummary("The order, its status, expected delivery, timeline and next scheduled step.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapGet("/{orderId}/messages", GetOrderMessages)
            .WithName("GetOrderMessages")
            .WithSummary("Every message of the order: intent, channel, recipient, content, status and times.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{orderId}/shipments", RegisterShipment)
            .WithName("RegisterShipment")
            .WithSummary("Registers a parcel's tracking number; carrier events parked for it are replayed.")
            .Accepts<ShipmentRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{orderId}/cancel", CancelOrder)
            .WithName("CancelOrder")
            .WithSummary("The merchant cancelled the order: the buyer is told, later messages are suppressed.")
            .Accepts<CancelOrderRequest>(isOptional: true, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        orders.MapPost("/{orderId}/refund", RefundOrder)
            .WithName("RefundOrder")
            .WithSummary("The merchant refunded the order (returned: true when the goods came back); review requests stop.")
            .Accepts<RefundOrderRequest>(isOptional: true, "application/json")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static Task<Results<Accepted<OrderReceipt>, Ok<OrderReceipt>, ProblemHttpResult>> PlaceOrder(
        HttpRequest request, IOrderWorkflows workflows, CustomerLinks links, CancellationToken cancellationToken) =>
        OrderApi.PlaceAsync(request, workflows, links, cancellationToken);

    private static Task<Results<Ok<OrderView>, ProblemHttpResult>> GetOrder(
        string orderId, IOrderWorkflows workflows, CustomerLinks links, CancellationToken cancellationToken) =>
        OrderApi.GetAsync(orderId, workflows, links, cancellationToken);

    private static Task<Results<Ok<IReadOnlyList<MessageView>>, ProblemHttpResult>> GetOrderMessages(
        string orderId, IOrderWorkflows workflows, CancellationToken cancellationToken) =>
        OrderApi.GetMessagesAsync(orderId, workflows, cancellationToken);

    private static Task<Results<Accepted<ShipmentRef>, ProblemHttpResult>> RegisterShipment(
        string orderId, HttpRequest request, IOrderWorkflows workflows, CancellationToken cancellationToken) =>
        OrderApi.RegisterShipmentAsync(orderId, request, workflows, cancellationToken);

    private static Task<Results<Accepted, ProblemHttpResult>> CancelOrder(
        string orderId, HttpRequest request, IOrderWorkflows workflows, CancellationToken cancellationToken) =>
        OrderApi.CancelAsync(orderId, request, workflows, cancellationToken);

    private static Task<Results<Accepted, ProblemHttpResult>> RefundOrder(
        string orderId, HttpRequest request, IOrderWorkflows workflows, CancellationToken cancellationToken) =>
        OrderApi.RefundAsync(orderId, request, workflows, cancellationToken);
}
