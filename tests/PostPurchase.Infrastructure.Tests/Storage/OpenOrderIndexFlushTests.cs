using Azure.Data.Tables;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Runtime;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

/// <summary>
/// The batched delete of released open-orders entries on real storage: an entry written again after it was queued (its order
/// got new work) stays, and costs at most one more transaction, not one request per entry of its shard.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenOrderIndexFlushTests(AzuriteServer azurite)
{
    [Fact]
    public async Task FlushAsync_QueuedEntryWrittenAgainByThisProcess_ItStaysAndTheRestGoInOneTransaction()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (index, orders) = await QueueFourAsync(engine);
        await index.WriteAheadAsync(orders[1], OpenKinds.Outbox, CancellationToken.None);
        var before = engine.Counter.Total;

        await index.FlushAsync(CancellationToken.None);
        var requests = engine.Counter.Total - before;

        Assert.Equal([orders[1]], await ListedAsync(index, orders));
        Assert.Equal(1, requests);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task FlushAsync_QueuedEntryWrittenAgainByAnotherInstance_ItStaysAndTheRestGoInOneMoreTransaction(int rewritten)
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (index, orders) = await QueueFourAsync(engine);
        var shard = OpenOrderIndex.ShardOf(orders[rewritten]);
        await engine.Storage.OpenOrders.UpsertEntityAsync(new TableEntity(shard, OpenOrderIndex.RowKeyOf(OpenKinds.Outbox, orders[rewritten]))
        {
            ["OrderId"] = orders[rewritten],
            ["WrittenAt"] = engine.Time.GetUtcNow(),
        }, TableUpdateMode.Replace);
        var before = engine.Counter.Total;

        await index.FlushAsync(CancellationToken.None);
        var requests = engine.Counter.Total - before;

        Assert.Equal([orders[rewritten]], await ListedAsync(index, orders));
        Assert.Equal(2, requests); // the transaction that met the rewritten entry, then the other three
    }

    // Four orders of one shard (their deletes share a transaction), each with an outbox entry written and released.
    private static async Task<(OpenOrderIndex Index, string[] Orders)> QueueFourAsync(EngineHarness engine)
    {
        await engine.Storage.EnsureCreatedAsync(CancellationToken.None);
        var index = engine.Get<OpenOrderIndex>();
        var run = Guid.NewGuid().ToString("N")[..8];
        string[] orders = [.. Enumerable.Range(0, 1_000).Select(i => $"flush-{run}-{i}")
            .GroupBy(OpenOrderIndex.ShardOf).First(g => g.Count() >= 4).Take(4)];
        foreach (var orderId in orders)
        {
            var entry = Assert.Single(await index.WriteAheadAsync(orderId, OpenKinds.Outbox, CancellationToken.None));
            await index.ForgetAsync(entry, CancellationToken.None);
        }

        return (index, orders);
    }

    private static async Task<string[]> ListedAsync(OpenOrderIndex index, string[] orders) =>
        [.. (await index.ListAsync(OpenKinds.Outbox, CancellationToken.None)).Select(e => e.OrderId).Where(orders.Contains)];
}
