using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;
using Request = WireMock.RequestBuilders.Request;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace PostPurchase.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageClientFactoryTests(AzuriteServer azurite)
{
    [Fact]
    public async Task CreateClients_ConnectionString_EveryServiceAnswersOnAzurite()
    {
        var clients = new StorageClientFactory(StorageConnection.FromConnectionString(azurite.ConnectionString));
        var name = "f" + Some.OrderId().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();

        var tables = clients.CreateTableServiceClient();
        var queues = clients.CreateQueueServiceClient();
        var blobs = clients.CreateBlobServiceClient();
        await tables.CreateTableIfNotExistsAsync(name);
        await queues.CreateQueueAsync(name);
        await blobs.CreateBlobContainerAsync(name);

        Assert.Equal(azurite.TablePort, tables.Uri.Port);
        Assert.Equal(azurite.QueuePort, queues.Uri.Port);
        Assert.Equal(azurite.BlobPort, blobs.Uri.Port);
        Assert.Contains(tables.Query(t => t.Name == name), t => t.Name == name);
        Assert.True((await queues.GetQueueClient(name).ExistsAsync()).Value);
        Assert.True((await blobs.GetBlobContainerClient(name).ExistsAsync()).Value);
    }

    [Fact]
    public void CreateClients_AccountNameWithIdentity_EachClientAddressesTheAccount()
    {
        var clients = new StorageClientFactory(StorageConnection.FromCredential(
            new RecordingCredential(), new Uri("https://stpostpurchase01.table.core.windows.net"),
            new Uri("https://stpostpurchase01.queue.core.windows.net"), new Uri("https://stpostpurchase01.blob.core.windows.net")));

        Assert.Equal("stpostpurchase01", clients.CreateTableServiceClient().AccountName);
        Assert.Equal(new Uri("https://stpostpurchase01.queue.core.windows.net"), clients.CreateQueueServiceClient().Uri);
        Assert.Equal("stpostpurchase01", clients.CreateBlobServiceClient().AccountName);
    }

    [Fact]
    public async Task CreateTableServiceClient_Identity_SendsTheIdentitysTokenAndNoKey()
    {
        using var certificate = SelfSignedCertificate();
        using var service = WireMockServer.Start(new WireMockServerSettings
        {
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = certificate },
        });
        service.Given(Request.Create().WithPath("/Tables").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200)
                .WithHeader("Content-Type", "application/json;odata=nometadata")
                .WithBody("""{"value":[{"TableName":"Orders"}]}"""));
        var credential = new RecordingCredential();
        var clients = new StorageClientFactory(StorageConnection.FromCredential(credential, new Uri(service.Url!), null, null));

        var tables = clients.CreateTableServiceClient(TrustingTestCertificate(new TableClientOptions()));
        var names = new List<string>();
        await foreach (var table in tables.QueryAsync())
        {
            names.Add(table.Name);
        }

        Assert.Equal(["Orders"], names);
        var request = Assert.Single(service.LogEntries).RequestMessage;
        Assert.Equal("Bearer token-for-tests", Assert.Single(request.Headers!["Authorization"]));
        Assert.NotEmpty(credential.Scopes);
    }

    [Fact]
    public void CreateQueueServiceClient_IdentityWithoutAQueueEndpoint_RefusedNamingTheSetting()
    {
        var clients = new StorageClientFactory(StorageConnection.FromCredential(
            new RecordingCredential(), new Uri("https://tables.example.net"), null, null));

        var error = Assert.Throws<InvalidOperationException>(() => clients.CreateQueueServiceClient(new QueueClientOptions()));

        Assert.Contains("PostPurchase__Storage__queueServiceUri", error.Message, StringComparison.Ordinal);
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // Kestrel needs the private key in a form it can load on every platform.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
    }

    private static T TrustingTestCertificate<T>(T options) where T : ClientOptions
    {
        // The stub's certificate is self-signed; storage only sends tokens over https, so the test trusts it.
        options.Transport = new HttpClientTransport(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        options.Retry.MaxRetries = 0;
        return options;
    }

    /// <summary>Hands out a fixed token and records the scopes asked for.</summary>
    private sealed class RecordingCredential : TokenCredential
    {
        public ConcurrentBag<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Add(scope);
            }
            return new AccessToken("token-for-tests", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
