using System.Net;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Endpoints;

[Collection(HostCollection.Name)]
public sealed class HealthAndDocsTests(AzuriteServer azurite)
{
    [Fact]
    public async Task Health_StorageReachable_Returns200Healthy()
    {
        await using var app = new HostApp(azurite.ConnectionString);

        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await Json.ReadAsync(response))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Health_StorageUnreachable_Returns503()
    {
        const string nowhere = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var app = new HostApp(nowhere);

        var response = await app.Anonymous().GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("AccountKey", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryRouteAndTheApiKey()
    {
        await using var app = new HostApp(azurite.ConnectionString);

        var document = await Json.ReadAsync(await app.Anonymous().GetAsync("/openapi/v1.json"));

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/orders", paths);
        Assert.Contains("/api/orders/{orderId}", paths);
        Assert.Contains("/api/orders/{orderId}/messages", paths);
        Assert.Contains("/api/orders/{orderId}/shipments", paths);
        Assert.Contains("/api/orders/{orderId}/cancel", paths);
        Assert.Contains("/api/orders/{orderId}/refund", paths);
        Assert.Contains("/api/webhooks/carriers/{provider}", paths);
        Assert.Contains("/api/admin/poison", paths);
        Assert.Contains("/api/dev/clock/advance", paths);
        Assert.Equal("x-functions-key", document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/orders"]!["post"]!["security"]);
        Assert.Null(document["paths"]!["/api/webhooks/carriers/{provider}"]!["post"]!["security"]);
    }
}
