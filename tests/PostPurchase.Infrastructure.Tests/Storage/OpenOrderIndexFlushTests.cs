using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Runtime;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

/// <summary>
/// The batched delete of released open-orders entries on real storage: an entry written again after it was queued (its order
/// got new work) stays, and costs one more transaction, not one request per entry of its shard.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenOrderIndexFlushTests(AzuriteServer azurite)
{
    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task FlushAsync_OneQueuedEntryWrittenAgain_ItStaysAndTheRestGoInOneMoreTransaction(int rewritten)
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        await engine.Storage.EnsureCreatedAsync(CancellationToken.None);
        var index = engine.Get<OpenOrderIndex>();
        var orders = OrdersOfOneShard(4);
        foreach (var orderId in orders)
        {
            var entry = Assert.Single(await index.WriteAheadAsync(orderId, OpenKinds.Outbox, CancellationToken.None));
            await index.ForgetAsync(entry, CancellationToken.None);
        }

        await index.WriteAheadAsync(orders[rewritten], OpenKinds.Outbox, CancellationToken.None);
        var before = engine.Counter.Total;

        await index.FlushAsync(CancellationToken.None);
        var requests = engine.Counter.Total - before;

        var left = await index.ListAsync(OpenKinds.Outbox, CancellationToken.None);
        Assert.Equal([orders[rewritten]], left.Where(e => orders.Contains(e.OrderId)).Select(e => e.OrderId));
        Assert.Equal(2, requests); // the transaction that met the rewritten entry, then the other three
    }

    // Order ids of a test of their own that land in one shard, so their deletes share one transaction.
    private static string[] OrdersOfOneShard(int count)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        return [.. Enumerable.Range(0, 1_000).Select(i => $"flush-{run}-{i}")
            .GroupBy(OpenOrderIndex.ShardOf).First(g => g.Count() >= count).Take(count)];
    }
}
