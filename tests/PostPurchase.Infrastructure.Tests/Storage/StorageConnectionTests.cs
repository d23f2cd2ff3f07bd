using Microsoft.Extensions.Configuration;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Tests.Storage;

public sealed class StorageConnectionTests
{
    private const string AzuriteLike = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public void FromConfiguration_AccountNameWithManagedIdentity_TokenCredentialOnTheAccountsEndpoints()
    {
        var connection = StorageConnection.FromConfiguration(Settings(
            ("PostPurchase:Storage:accountName", "stpostpurchase01"),
            ("PostPurchase:Storage:credential", "managedidentity"),
            ("PostPurchase:Storage:clientId", "0f6b3c1e-6d0a-4a57-9d7e-3f2b1c4d5e6f")));

        Assert.Equal(StorageCredentialKind.ManagedIdentity, connection.CredentialKind);
        Assert.Null(connection.ConnectionString);
        Assert.NotNull(connection.Credential);
        Assert.Equal("0f6b3c1e-6d0a-4a57-9d7e-3f2b1c4d5e6f", connection.ClientId);
        Assert.Equal(new Uri("https://stpostpurchase01.table.core.windows.net"), connection.TableServiceUri);
        Assert.Equal(new Uri("https://stpostpurchase01.queue.core.windows.net"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://stpostpurchase01.blob.core.windows.net"), connection.BlobServiceUri);
        Assert.Equal("PostPurchase:Storage", connection.Source);
    }

    [Fact]
    public void FromConfiguration_ServiceUrisBesideTheAccountName_TheUrisWin()
    {
        var connection = StorageConnection.FromConfiguration(Settings(
            ("PostPurchase:Storage:accountName", "stpostpurchase01"),
            ("PostPurchase:Storage:tableServiceUri", "https://tables.example.net/"),
            ("PostPurchase:Storage:serviceUri", "https://blobs.example.net/"),
            ("PostPurchase:Storage:credential", "managedidentity")));

        Assert.Equal(new Uri("https://tables.example.net/"), connection.TableServiceUri);
        Assert.Equal(new Uri("https://stpostpurchase01.queue.core.windows.net"), connection.QueueServiceUri);
        Assert.Equal(new Uri("https://blobs.example.net/"), connection.BlobServiceUri);
        Assert.Null(connection.ClientId);
    }

    [Fact]
    public void FromConfiguration_OnlyTheHostsIdentitySettings_FallsBackToAzureWebJobsStorage()
    {
        var connection = StorageConnection.FromConfiguration(Settings(
            ("AzureWebJobsStorage:accountName", "stpostpurchase01"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "client-1")));

        Assert.Equal(StorageCredentialKind.ManagedIdentity, connection.CredentialKind);
        Assert.Equal("AzureWebJobsStorage", connection.Source);
        Assert.Equal("client-1", connection.ClientId);
        Assert.Equal(new Uri("https://stpostpurchase01.table.core.windows.net"), connection.TableServiceUri);
    }

    [Fact]
    public void FromConfiguration_ConnectionStringBesideHostIdentity_TheConnectionStringIsUsed()
    {
        var connection = StorageConnection.FromConfiguration(Settings(
            ("PostPurchase:Storage", AzuriteLike),
            ("AzureWebJobsStorage:accountName", "stpostpurchase01")));

        Assert.Equal(StorageCredentialKind.ConnectionString, connection.CredentialKind);
        Assert.Equal(AzuriteLike, connection.ConnectionString);
        Assert.Null(connection.Credential);
        Assert.DoesNotContain("a2V5", connection.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_OnlyTheHostsConnectionString_FallsBackToIt()
    {
        var connection = StorageConnection.FromConfiguration(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal(StorageCredentialKind.ConnectionString, connection.CredentialKind);
        Assert.Equal("UseDevelopmentStorage=true", connection.ConnectionString);
        Assert.Equal("AzureWebJobsStorage", connection.Source);
    }

    [Fact]
    public void FromConfiguration_NoCredentialNamed_TheDefaultAzureCredentialWithTheClientId()
    {
        var connection = StorageConnection.FromConfiguration(Settings(
            ("PostPurchase:Storage:accountName", "stpostpurchase01"),
            ("PostPurchase:Storage:clientId", "client-1")));

        Assert.Equal(StorageCredentialKind.Default, connection.CredentialKind);
        Assert.NotNull(connection.Credential);
        Assert.Equal("client-1", connection.ClientId);
    }

    [Fact]
    public void FromConfiguration_NothingSet_RefusedNamingBothWays()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Settings()));

        Assert.Contains("PostPurchase__Storage__accountName", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseDevelopmentStorage=true", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PostPurchase:Storage:credential", "clientsecret", "credential 'clientsecret' is not supported")]
    [InlineData("PostPurchase:Storage:tableServiceUri", "http://tables.example.net", "tableServiceUri must be an absolute https URI")]
    [InlineData("PostPurchase:Storage:accountName", "Not_An_Account", "accountName must be a storage account name")]
    public void FromConfiguration_BadIdentitySetting_RefusedNamingIt(string key, string value, string expected)
    {
        var settings = new List<(string, string)> { ("PostPurchase:Storage:queueServiceUri", "https://queues.example.net"), (key, value) };

        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.FromConfiguration(Settings([.. settings])));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
