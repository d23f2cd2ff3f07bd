using System.Collections.Concurrent;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>A recording <see cref="IOrderReadModelStore"/> in memory.</summary>
internal sealed class InMemoryReadModelStore : IOrderReadModelStore
{
    public ConcurrentDictionary<string, OrderSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

    public Task SaveAsync(OrderSnapshot snapshot, CancellationToken cancellationToken)
    {
        Snapshots[snapshot.State.Order.OrderId] = snapshot;
        return Task.CompletedTask;
    }

    public Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshots.GetValueOrDefault(orderId));
}
