using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Runtime;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using static PostPurchase.Infrastructure.Tests.Runtime.EngineScenario;

namespace PostPurchase.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class OrderDataEraserTests(AzuriteServer azurite)
{
    [Fact]
    public async Task EraseAsync_OrderWithParcelAndMessages_NothingOfItLeftAndOtherOrderUntouched()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (erased, erasedTracking) = await RunOrderAsync(engine);
        var (kept, keptTracking) = await RunOrderAsync(engine);
        var keptBefore = await engine.Workflows.GetAsync(kept.OrderId, CancellationToken.None);
        var rowsBefore = await PartitionAsync(engine, erased.OrderId);
        Assert.Contains(rowsBefore, r => r.RowKey.StartsWith(MessageRow.Prefix, StringComparison.Ordinal));
        Assert.Contains(rowsBefore, r => r.RowKey.StartsWith("evt|", StringComparison.Ordinal));
        Assert.Contains(await engine.Get<WakeupIndex>().AllAsync(CancellationToken.None), w => w.OrderId == erased.OrderId);
        // An event left parked for the order's parcel (a webhook that raced the registration).
        var parcelKey = erased.Shipments.Single().Key;
        await engine.Get<ParcelIndex>().ParkAsync(Scan(erasedTracking, TrackingStatus.InTransit, Some.Monday.AddHours(3)), CancellationToken.None);

        await Eraser(engine).EraseAsync(erased.OrderId, CancellationToken.None);

        Assert.Null(await engine.Workflows.GetAsync(erased.OrderId, CancellationToken.None));
        Assert.Empty(await PartitionAsync(engine, erased.OrderId));
        Assert.Empty(await engine.Get<ParcelIndex>().ParkedAsync(parcelKey, CancellationToken.None));
        Assert.DoesNotContain(await engine.Get<WakeupIndex>().AllAsync(CancellationToken.None), w => w.OrderId == erased.OrderId);
        Assert.Equal([kept.OrderId], await engine.Get<PhoneDirectory>().FindByPhoneAsync(erased.Customer.Phone!, CancellationToken.None));
        var webhook = await engine.Ingress.AcceptAsync([Scan(erasedTracking, TrackingStatus.Delivered, Some.Monday.AddDays(2))], CancellationToken.None);
        Assert.Equal(IngressResult.Parked, webhook.Single().Result);

        var keptAfter = await engine.Workflows.GetAsync(kept.OrderId, CancellationToken.None);
        Assert.Equal(JsonSerializer.Serialize(keptBefore!.State, CoreJson.Options), JsonSerializer.Serialize(keptAfter!.State, CoreJson.Options));
        Assert.Equal(kept.OrderId, await engine.Get<ParcelIndex>().FindAsync(kept.Shipments.Single().Key, CancellationToken.None));
        var keptScan = await engine.Ingress.AcceptAsync([Scan(keptTracking, TrackingStatus.Delivered, Some.Monday.AddDays(2))], CancellationToken.None);
        Assert.Equal(IngressResult.Routed, keptScan.Single().Result);
    }

    [Fact]
    public async Task EraseAsync_AlreadyErasedOrUnknownOrder_DoesNothing()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (order, _) = await RunOrderAsync(engine);
        var eraser = Eraser(engine);
        await eraser.EraseAsync(order.OrderId, CancellationToken.None);

        await eraser.EraseAsync(order.OrderId, CancellationToken.None);
        await eraser.EraseAsync(Some.OrderId(), CancellationToken.None);

        Assert.Null(await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None));
    }

    [Fact]
    public async Task EraseAsync_BlankOrderId_Refused()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);

        await Assert.ThrowsAsync<ArgumentException>(() => Eraser(engine).EraseAsync(" ", CancellationToken.None));
    }

    [Fact]
    public async Task EraseAsync_ParcelRegisteredLaterByAnotherOrder_KeepsTheOtherOrdersEntry()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (first, tracking) = await RunOrderAsync(engine);
        var second = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(second, CancellationToken.None);

        await Eraser(engine).EraseAsync(first.OrderId, CancellationToken.None);

        Assert.Equal(second.OrderId, await engine.Get<ParcelIndex>().FindAsync(second.Shipments.Single().Key, CancellationToken.None));
    }

    [Fact]
    public async Task EraseAsync_BuyersOrders_ShrinkTheProfileAndTheLastTakesItAlong()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString, buyers: true);
        var (first, _) = await RunOrderAsync(engine);
        var (second, _) = await RunOrderAsync(engine);
        var key = (await engine.Workflows.GetAsync(first.OrderId, CancellationToken.None))!.State.Buyer!.Key;
        var profiles = engine.Get<PostPurchase.Infrastructure.Buyers.IBuyerProfiles>();

        await Eraser(engine).EraseAsync(first.OrderId, CancellationToken.None);
        var left = await profiles.GetAsync(key, CancellationToken.None);
        await Eraser(engine).EraseAsync(second.OrderId, CancellationToken.None);

        Assert.Equal([second.OrderId], left!.Orders.Select(o => o.OrderId));
        Assert.Null(await profiles.GetAsync(key, CancellationToken.None));
    }

    private static OrderDataEraser Eraser(EngineHarness engine) => new(
        engine.Storage, engine.Get<ParcelIndex>(), engine.Get<PhoneDirectory>(), engine.Get<WakeupIndex>(), engine.Get<StateCache>(),
        NullLogger<OrderDataEraser>.Instance, engine.Services.GetService<PostPurchase.Infrastructure.Buyers.IBuyerProfiles>());

    /// <summary>Places an order with one parcel and an in-transit scan, so it has message rows, an event row and a pending wake-up.</summary>
    private static async Task<(PostPurchase.Core.Orders.Order Order, string Tracking)> RunOrderAsync(EngineHarness engine)
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Ingress.AcceptAsync([Scan(tracking, TrackingStatus.InTransit, Some.Monday.AddHours(2))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        Assert.Contains(engine.Email.Sent, m => m.OrderId == order.OrderId && m.Intent == Intent.Shipped);
        return (order, tracking);
    }

    private static async Task<List<TableEntity>> PartitionAsync(EngineHarness engine, string orderId)
    {
        var rows = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {KeyEncoder.Encode(orderId)}");
        await foreach (var row in engine.Storage.Orders.QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }
}
