using PostPurchase.Infrastructure.Storage;
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
}
