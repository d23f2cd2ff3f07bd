using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class OrderStoreTests(AzuriteServer azurite)
{
    [Fact]
    public async Task GetAndLoad_BeforeAnyTableExists_NoOrder()
    {
        // The Function App creates its tables with the first order it indexes; a read before that is of an unknown order.
        var store = new OrderStore(new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), "fresh" + Guid.NewGuid().ToString("N")[..8]));

        var snapshot = await store.GetAsync("PP-10001", CancellationToken.None);
        var state = await store.LoadAsync("PP-10001", CancellationToken.None);

        Assert.Null(snapshot);
        Assert.Null(state);
    }

    [Fact]
    public async Task Save_OlderSnapshotAfterANewerOne_KeepsTheNewer()
    {
        // A commit activity run again minutes later (its host died after it ran) carries the state of its own time.
        var store = await NewStoreAsync();
        var key = MessageKey.For(OrderId, Intent.Shipped, Channel.Sms);
        await store.SaveAsync(SnapshotWith(key, version: 7, MessageStatus.Delivered), CancellationToken.None);

        await store.SaveAsync(SnapshotWith(key, version: 3, MessageStatus.Pending), CancellationToken.None);

        var saved = await store.GetAsync(OrderId, CancellationToken.None);
        Assert.Equal(7, saved!.State.Version);
        Assert.Equal(MessageStatus.Delivered, Assert.Single(saved.Messages).Message.Status);
    }

    [Fact]
    public async Task Save_SameOrNewerVersion_Replaces()
    {
        var store = await NewStoreAsync();
        var key = MessageKey.For(OrderId, Intent.Shipped, Channel.Sms);
        await store.SaveAsync(SnapshotWith(key, version: 3, MessageStatus.Pending), CancellationToken.None);

        await store.SaveAsync(SnapshotWith(key, version: 3, MessageStatus.Sent), CancellationToken.None);
        var again = await store.GetAsync(OrderId, CancellationToken.None);
        await store.SaveAsync(SnapshotWith(key, version: 4, MessageStatus.Delivered), CancellationToken.None);
        var newer = await store.GetAsync(OrderId, CancellationToken.None);

        Assert.Equal(MessageStatus.Sent, Assert.Single(again!.Messages).Message.Status);
        Assert.Equal(4, newer!.State.Version);
        Assert.Equal(MessageStatus.Delivered, Assert.Single(newer.Messages).Message.Status);
    }

    [Fact]
    public async Task Save_ManySavesOfOneOrderAtOnce_TheNewestStays()
    {
        var store = await NewStoreAsync();
        var key = MessageKey.For(OrderId, Intent.Shipped, Channel.Sms);

        await Task.WhenAll(Enumerable.Range(1, 12).Reverse().Select(v => store.SaveAsync(SnapshotWith(key, v, MessageStatus.Sent), CancellationToken.None)));

        Assert.Equal(12, (await store.GetAsync(OrderId, CancellationToken.None))!.State.Version);
    }

    private const string OrderId = "PP-20001";

    private async Task<OrderStore> NewStoreAsync()
    {
        var account = new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), "orders" + Guid.NewGuid().ToString("N")[..8]);
        await account.EnsureCreatedAsync(CancellationToken.None);
        return new OrderStore(account);
    }

    private static OrderSnapshot SnapshotWith(string key, int version, MessageStatus status)
    {
        var message = new TimelineMessage(key, Intent.Shipped, Channel.Sms, "+31612345678", "nl", MessagePurpose.Transactional, false, status, Some.Monday, Some.Monday);
        var state = new TimelineState
        {
            Order = OrderBuilder.Apparel().WithId(OrderId).Build(),
            Consent = new ConsentState(true, false, false, false, false, []),
            Messages = [message],
            Version = version,
        };
        return new OrderSnapshot(state, [new MessageRecord(message, null, "Je pakket is onderweg.")]);
    }
}
