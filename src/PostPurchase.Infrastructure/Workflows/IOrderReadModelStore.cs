namespace PostPurchase.Infrastructure.Workflows;

/// <summary>The order read model in Table Storage, the same rows for both runtimes: the Host's engine writes it with each decision, the Functions app from an activity.</summary>
public interface IOrderReadModelStore
{
    /// <summary>Writes the snapshot (state row and message rows) of one order.</summary>
    Task SaveAsync(OrderSnapshot snapshot, CancellationToken cancellationToken);

    /// <summary>Reads the snapshot of one order, or null when unknown.</summary>
    Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken);
}
