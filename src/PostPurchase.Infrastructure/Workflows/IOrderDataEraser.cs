namespace PostPurchase.Infrastructure.Workflows;

/// <summary>Deletes what is stored about one order (read model, message log, indexes), for the retention purge and erasure requests.</summary>
public interface IOrderDataEraser
{
    /// <summary>Deletes every row of <paramref name="orderId"/>; erasing an order that is already gone does nothing.</summary>
    Task EraseAsync(string orderId, CancellationToken cancellationToken);
}
