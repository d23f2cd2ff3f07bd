using Azure.Data.Tables;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteServerTests(AzuriteServer azurite)
{
    [Fact]
    public async Task ConnectionString_TableRoundTrip_ReadsWhatWasWritten()
    {
        var table = new TableClient(azurite.ConnectionString, "Smoke" + Guid.NewGuid().ToString("N")[..8]);
        await table.CreateIfNotExistsAsync();

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["Value"] = "hello" });
        var read = await table.GetEntityAsync<TableEntity>("p", "r");

        Assert.Equal("hello", read.Value.GetString("Value"));
    }
}
