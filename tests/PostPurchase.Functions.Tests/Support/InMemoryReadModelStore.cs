using System.Collections.Concurrent;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>A recording <see cref="IOrderReadModelStore"/> in memory; like the table store, it never replaces a snapshot with an older one.</summary>
internal sealed class InMemoryReadModelStore : IOrderReadModelStore
{
    public ConcurrentDictionary<string, OrderSnapshot> Snapshots { get; } = new(StringComparer.Ordinal);

    public Task SaveAsync(OrderSnapshot snapshot, CancellationToken cancellationToken)
    {
        Snapshots.AddOrUpdate(snapshot.State.Order.OrderId, snapshot, (_, stored) => stored.State.Version > snapshot.State.Version ? stored : snapshot);
        return Task.CompletedTask;
    }

    public Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(Snapshots.GetValueOrDefault(orderId));
}
