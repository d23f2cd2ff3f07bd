using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Orders.Intake;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Api;

/// <summary>The merchant's order endpoints, shared by both runtimes: they only map routes to these handlers.</summary>
public static class OrderApi
{
    /// <summary>POST /api/orders: validates, starts the timeline; the same order id again answers 200 with the existing order.</summary>
    public static async Task<Results<Accepted<OrderReceipt>, Ok<OrderReceipt>, ProblemHttpResult>> PlaceAsync(
        HttpRequest request, IOrderWorkflows workflows, CustomerLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(links);
        if (Admission.Refuse(request) is { } busy)
        {
            return busy;
        }
        var body = await JsonBody.ReadAsync<OrderIntakeRequest>(request, cancellationToken, validate: r => OrderIntakeValidator.Validate(r).Errors).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var validation = OrderIntakeValidator.Validate(body.Value);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation.Errors, "The order is invalid; nothing was stored. See 'errors' for every field.");
        }
        var result = await workflows.StartAsync(validation.Value!, cancellationToken).ConfigureAwait(false);
        var state = result.Snapshot.State;
        var receipt = new OrderReceipt(state.Order.OrderId, state.Status, links.For(state.Order.OrderId).TrackingUrl);
        return result.Created
            ? TypedResults.Accepted(Location(state.Order.OrderId), receipt)
            : TypedResults.Ok(receipt);
    }

    /// <summary>GET /api/orders/{orderId}: the order, its status, expected delivery, timeline and next step.</summary>
    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> GetAsync(
        string orderId, IOrderWorkflows workflows, CustomerLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        ArgumentNullException.ThrowIfNull(links);
        var snapshot = OrderIds.IsPlausible(orderId) ? await workflows.GetAsync(orderId, cancellationToken).ConfigureAwait(false) : null;
        return snapshot is null
            ? ApiProblems.OrderNotFound(orderId)
            : TypedResults.Ok(OrderViews.Order(snapshot, links.For(orderId).TrackingUrl));
    }

    /// <summary>GET /api/orders/{orderId}/messages: every message with its content and status.</summary>
    public static async Task<Results<Ok<IReadOnlyList<MessageView>>, ProblemHttpResult>> GetMessagesAsync(
        string orderId, IOrderWorkflows workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var snapshot = OrderIds.IsPlausible(orderId) ? await workflows.GetAsync(orderId, cancellationToken).ConfigureAwait(false) : null;
        return snapshot is null
            ? ApiProblems.OrderNotFound(orderId)
            : TypedResults.Ok(OrderViews.Messages(snapshot));
    }

    /// <summary>POST /api/orders/{orderId}/shipments: registers a parcel (webhook events parked for it are replayed).</summary>
    public static async Task<Results<Accepted<ShipmentRef>, ProblemHttpResult>> RegisterShipmentAsync(
        string orderId, HttpRequest request, IOrderWorkflows workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var body = await JsonBody.ReadAsync<ShipmentRequest>(request, cancellationToken, validate: r => OrderIntakeValidator.ValidateShipment(r).Errors).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var validation = OrderIntakeValidator.ValidateShipment(body.Value);
        if (!validation.IsValid)
        {
            return ApiProblems.Invalid(validation.Errors, "The shipment is invalid; nothing was registered.");
        }
        var raised = OrderIds.IsPlausible(orderId)
            && await workflows.RaiseAsync(orderId, new ShipmentRegistered(validation.Value!), cancellationToken).ConfigureAwait(false);
        return raised ? TypedResults.Accepted(Location(orderId), validation.Value!) : ApiProblems.OrderNotFound(orderId);
    }

    /// <summary>POST /api/orders/{orderId}/cancel: the merchant cancelled the order; optional body <c>{reason}</c>.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> CancelAsync(
        string orderId, HttpRequest request, IOrderWorkflows workflows, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CancelOrderRequest>(request, cancellationToken, allowEmpty: true).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        return await RaiseAsync(orderId, new OrderCancelled("merchant", body.Value?.Reason), workflows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>POST /api/orders/{orderId}/refund: the merchant refunded the order; body <c>{returned, reason}</c>, both optional.</summary>
    public static async Task<Results<Accepted, ProblemHttpResult>> RefundAsync(
        string orderId, HttpRequest request, IOrderWorkflows workflows, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<RefundOrderRequest>(request, cancellationToken, allowEmpty: true).ConfigureAwait(false);
        if (body.Problem is not null)
        {
            return body.Problem;
        }
        var input = new OrderRefunded(body.Value?.Returned ?? false, body.Value?.Reason);
        return await RaiseAsync(orderId, input, workflows, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The order's URL, relative to the API's root.</summary>
    public static string Location(string orderId) => $"/api/orders/{Uri.EscapeDataString(orderId)}";

    private static async Task<Results<Accepted, ProblemHttpResult>> RaiseAsync(
        string orderId, TimelineInput input, IOrderWorkflows workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        var raised = OrderIds.IsPlausible(orderId)
            && await workflows.RaiseAsync(orderId, input, cancellationToken).ConfigureAwait(false);
        return raised ? TypedResults.Accepted(Location(orderId)) : ApiProblems.OrderNotFound(orderId);
    }
}
