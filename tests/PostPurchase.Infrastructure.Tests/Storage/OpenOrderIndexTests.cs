using Azure.Data.Tables;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Runtime;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

/// <summary>
/// The open-orders index on real storage: the outbox sweep and the wake-up reconciliation read the orders it lists instead of the
/// whole Orders table, and still find every kind of work; entries are never lost and stale ones are cleaned up.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenOrderIndexTests(AzuriteServer azurite)
{
    private const int FinishedOrders = 300;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task SweepAndReconcile_ManyFinishedOrdersAndFourOpen_ReadOnlyTheOpenOnesAndFindEveryKindOfWork()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        await engine.Storage.EnsureCreatedAsync(CancellationToken.None);
        await engine.Get<OpenOrderIndexBuild>().EnsureBuiltAsync(CancellationToken.None);
        await SeedFinishedAsync(engine.Storage, FinishedOrders);
        var pending = await StartAsync(engine);
        var claimed = await StartAsync(engine);
        await engine.Get<OutboxStore>().ClaimAsync(claimed.Rows, engine.Time.GetUtcNow() + Lease, CancellationToken.None);
        var retried = await StartAsync(engine);
        engine.Email.Next(_ => new SendResult(SendOutcome.Retry, Error: "busy"));
        await engine.Get<OutboxDispatcher>().DispatchAsync(retried, CancellationToken.None);
        var unwoken = await StartAsync(engine);
        var index = engine.Get<WakeupIndex>();
        await index.DeleteAsync((await index.AllAsync(CancellationToken.None)).Where(w => w.OrderId == unwoken.OrderId), CancellationToken.None);
        engine.Time.Advance(Lease + TimeSpan.FromMinutes(1));
        var before = Snapshot(engine.Counter);

        var rows = await engine.Get<OutboxAttention>().NeedingAttentionAsync(engine.Time.GetUtcNow(), upcoming: false, CancellationToken.None);
        var sweep = Since(engine.Counter, before);
        var added = await engine.Get<WakeupScheduler>().ReconcileAsync(CancellationToken.None);
        var both = Since(engine.Counter, before);

        string[] expected =
            [$"{pending.OrderId} {MessageRow.Pending}", $"{claimed.OrderId} {MessageRow.Sending}", $"{retried.OrderId} {MessageRow.Retry}", $"{unwoken.OrderId} {MessageRow.Pending}"];
        Assert.Equal(expected.Order(), rows.Select(r => $"{r.GetString("OrderId")} {r.GetString("Status")}").Order());
        Assert.Equal(1, added);
        Assert.Contains(await index.AllAsync(CancellationToken.None), w => w.OrderId == unwoken.OrderId);
        Assert.Equal(0, both.Scans);
        Assert.InRange(sweep.Requests, 1, 2 + 4); // the listing, four order partitions, nothing to flush
        Assert.InRange(sweep.OrderRows, 4, 8); // four state rows and four message rows: none of the 300 finished orders
        Assert.InRange(both.Requests - sweep.Requests, 1, 3 + 4); // the wake-up index, the listing, four state rows, one wake-up row
    }

    [Fact]
    public async Task DispatchAsync_EveryRowSent_OutboxEntryReleasedWithTheOutcomesAndTheTimelineEntryStays()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var batch = await StartAsync(engine);
        Assert.NotNull(batch.Release);

        await engine.Get<OutboxDispatcher>().DispatchAsync(batch, CancellationToken.None);
        await engine.Get<OpenOrderIndex>().FlushAsync(CancellationToken.None);

        var openIndex = engine.Get<OpenOrderIndex>();
        Assert.Empty(await openIndex.ListAsync(OpenKinds.Outbox, CancellationToken.None));
        Assert.Single(await openIndex.ListAsync(OpenKinds.Timeline, CancellationToken.None), e => e.OrderId == batch.OrderId);
        var state = await engine.Get<OrderStore>().LoadAsync(batch.OrderId, CancellationToken.None);
        Assert.Equal(OpenKinds.Timeline, state!.Open);
    }

    [Fact]
    public async Task ReleaseAsync_OrderCommittedAfterItWasRead_EntryStays()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var batch = await StartAsync(engine);
        var openIndex = engine.Get<OpenOrderIndex>();
        var entry = Assert.Single(await openIndex.ListAsync(OpenKinds.Outbox, CancellationToken.None));
        var stateRead = (await engine.Storage.Orders.GetEntityAsync<TableEntity>(KeyEncoder.Encode(batch.OrderId), StateRow.RowKey)).Value;

        Assert.True(await engine.Workflows.RaiseAsync(batch.OrderId, new ShipmentRegistered(new("postnl", Some.TrackingNumber())), CancellationToken.None));
        await openIndex.ReleaseAsync(entry, stateRead, CancellationToken.None);
        await openIndex.FlushAsync(CancellationToken.None);

        Assert.Single(await openIndex.ListAsync(OpenKinds.Outbox, CancellationToken.None));
        var rows = await engine.Get<OutboxAttention>().NeedingAttentionAsync(engine.Time.GetUtcNow(), upcoming: false, CancellationToken.None);
        Assert.Single(rows, r => r.GetString("OrderId") == batch.OrderId);
    }

    [Fact]
    public async Task SweepAndReconcile_EntryWrittenBeforeACommitThatFailed_KeptWithinTheHourThenDeleted()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        await engine.Storage.EnsureCreatedAsync(CancellationToken.None);
        var openIndex = engine.Get<OpenOrderIndex>();
        await openIndex.WriteAheadAsync("never-committed", OpenKinds.Timeline | OpenKinds.Outbox, CancellationToken.None);
        var sweep = engine.Get<OutboxAttention>();
        var scheduler = engine.Get<WakeupScheduler>();

        engine.Time.Advance(TimeSpan.FromMinutes(50));
        await sweep.NeedingAttentionAsync(engine.Time.GetUtcNow(), upcoming: true, CancellationToken.None);
        await scheduler.ReconcileAsync(CancellationToken.None);
        Assert.Single(await openIndex.ListAsync(OpenKinds.Outbox, CancellationToken.None));
        Assert.Single(await openIndex.ListAsync(OpenKinds.Timeline, CancellationToken.None));

        engine.Time.Advance(TimeSpan.FromMinutes(11));
        await sweep.NeedingAttentionAsync(engine.Time.GetUtcNow(), upcoming: false, CancellationToken.None);
        await scheduler.ReconcileAsync(CancellationToken.None);

        Assert.Empty(await openIndex.ListAsync(OpenKinds.Outbox, CancellationToken.None));
        Assert.Empty(await openIndex.ListAsync(OpenKinds.Timeline, CancellationToken.None));
    }

    [Fact]
    public async Task EnsureBuiltAsync_DataFromBeforeTheIndex_BuiltOnceByAScanAndEveryOpenOrderFound()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        string pendingOrder, unwokenOrder;
        await using (var older = EngineHarness.Create(azurite.ConnectionString, prefix))
        {
            pendingOrder = (await StartAsync(older)).OrderId;
            unwokenOrder = (await StartAsync(older)).OrderId;
            var index = older.Get<WakeupIndex>();
            await index.DeleteAsync((await index.AllAsync(CancellationToken.None)).Where(w => w.OrderId == unwokenOrder), CancellationToken.None);
            await SeedFinishedAsync(older.Storage, 20);

            // What an older version left: no OpenOrders table at all.
            await older.Storage.OpenOrders.DeleteAsync();
        }

        await using var upgraded = EngineHarness.Create(azurite.ConnectionString, prefix);
        await upgraded.Storage.OpenOrders.CreateIfNotExistsAsync();
        var rows = await upgraded.Get<OutboxAttention>().NeedingAttentionAsync(upgraded.Time.GetUtcNow(), upcoming: false, CancellationToken.None);
        var added = await upgraded.Get<WakeupScheduler>().ReconcileAsync(CancellationToken.None);

        Assert.Equal(new[] { pendingOrder, unwokenOrder }.Order(), rows.Select(r => r.GetString("OrderId")!).Order());
        Assert.Equal(1, added);
        Assert.Equal(1, upgraded.Counter.Scans().GetValueOrDefault(prefix + "Orders"));

        await using var restarted = EngineHarness.Create(azurite.ConnectionString, prefix);
        await restarted.Get<OutboxAttention>().NeedingAttentionAsync(restarted.Time.GetUtcNow(), upcoming: false, CancellationToken.None);
        Assert.Equal(0, restarted.Counter.Scans().GetValueOrDefault(prefix + "Orders"));
    }

    /// <summary>Places an order; returns the batch its commit handed to the outbox (not dispatched: the test decides what happens to it).</summary>
    private static async Task<DispatchBatch> StartAsync(EngineHarness engine)
    {
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var batch = await engine.Get<OutboxWork>().Reader.ReadAsync();
        Assert.Equal(order.OrderId, batch.OrderId);
        return batch;
    }

    // History as any version leaves it: a completed state row and sent messages per order, no index entries.
    private static async Task SeedFinishedAsync(StorageAccount storage, int count)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var orderId = $"finished-{i}";
            var partition = KeyEncoder.Encode(orderId);
            TableEntity[] rows =
            [
                new(partition, StateRow.RowKey) { ["Kind"] = "state", ["OrderId"] = orderId, ["Completed"] = true },
                .. Enumerable.Range(0, 3).Select(m => new TableEntity(partition, $"{MessageRow.Prefix}m{m}") { ["Kind"] = "msg", ["OrderId"] = orderId, ["Status"] = "sent" }),
            ];
            await storage.Orders.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct);
        });
    }

    private static (long Requests, long Scans, long OrderRows) Snapshot(StorageRequestCounter counter) =>
        (counter.Total, counter.Scans().Where(s => s.Key.EndsWith("Orders", StringComparison.Ordinal) && !s.Key.EndsWith("OpenOrders", StringComparison.Ordinal)).Sum(s => s.Value),
            counter.RowsRead().Where(s => s.Key.EndsWith("Orders", StringComparison.Ordinal) && !s.Key.EndsWith("OpenOrders", StringComparison.Ordinal)).Sum(s => s.Value));

    private static (long Requests, long Scans, long OrderRows) Since(StorageRequestCounter counter, (long Requests, long Scans, long OrderRows) before)
    {
        var now = Snapshot(counter);
        return (now.Requests - before.Requests, now.Scans - before.Scans, now.OrderRows - before.OrderRows);
    }
}
