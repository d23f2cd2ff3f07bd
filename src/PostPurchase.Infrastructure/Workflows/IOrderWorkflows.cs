using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Workflows;

/// <summary>The one port through which HTTP endpoints (Host or Functions) start and drive order timelines.</summary>
public interface IOrderWorkflows
{
    /// <summary>Starts the timeline of a new order; returns the existing one when the order id is known (idempotent intake).</summary>
    Task<StartResult> StartAsync(Order order, CancellationToken cancellationToken);

    /// <summary>Delivers an input to the order's timeline; false when no such order exists.</summary>
    Task<bool> RaiseAsync(string orderId, TimelineInput input, CancellationToken cancellationToken);

    /// <summary>The order's read model, or null when unknown.</summary>
    Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken);
}

/// <summary>Outcome of <see cref="IOrderWorkflows.StartAsync"/>.</summary>
/// <param name="Created">False when the order already existed (nothing was started or sent).</param>
public sealed record StartResult(bool Created, OrderSnapshot Snapshot);

/// <summary>The read model of one order: the timeline state and the message log with live statuses and rendered content.</summary>
public sealed record OrderSnapshot(TimelineState State, IReadOnlyList<MessageRecord> Messages);

/// <summary>One row of the message log: the timeline's message, its current status as the outbox knows it, and what was rendered.</summary>
public sealed record MessageRecord(TimelineMessage Message, string? Subject, string? Body);
