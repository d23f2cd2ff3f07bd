using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting.Internal;
using PostPurchase.Host;
using PostPurchase.Testing.Azurite;
using PostPurchase.Web.OpenApi;
using PostPurchase.Web.Tests.Support;

namespace PostPurchase.Web.Tests.Parity;

[Collection(AzuriteCollection.Name)]
public sealed class OpenApiParityTests(AzuriteServer azurite)
{
    [Fact]
    public async Task FunctionAppDocument_ComparedWithTheHosts_SameButTheHostOnlyClock()
    {
        await using var host = HostApplication.Build([
            "--environment=Development", "--urls=http://127.0.0.1:0", $"--PostPurchase:Storage={azurite.ConnectionString}",
            "--PostPurchase:ApiKey=openapi-parity-key-0123456789"]);
        await host.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(host.Urls.First()) };
        var hostDocument = JsonNode.Parse(await client.GetStringAsync(ApiDocs.DocumentPath))!.AsObject();
        await host.StopAsync();
        await using var functions = new ApiDescriptionApp(new HostingEnvironment { EnvironmentName = "Development" });

        var functionsDocument = JsonNode.Parse(await functions.DocumentJsonAsync(CancellationToken.None))!.AsObject();

        var hostPaths = hostDocument["paths"]!.AsObject();
        var clock = hostPaths.Select(p => p.Key).Where(p => p.StartsWith("/api/dev/", StringComparison.Ordinal)).ToList();
        Assert.Equal(["/api/dev/clock", "/api/dev/clock/advance"], clock);
        clock.ForEach(p => hostPaths.Remove(p));
        foreach (var schema in new[] { "AdvanceClockRequest", "ClockView" })
        {
            Assert.True(hostDocument["components"]!["schemas"]!.AsObject().Remove(schema), $"the Host describes {schema}");
        }
        Assert.True(hostDocument["tags"]!.AsArray().Remove(hostDocument["tags"]!.AsArray().Single(t => t!["name"]!.GetValue<string>() == "Simulation")));
        hostDocument.Remove("servers");
        functionsDocument.Remove("servers");
        Assert.Equal(hostDocument.ToJsonString(), functionsDocument.ToJsonString());
        var studio = functionsDocument["paths"]!["/api/studio/settings"]!.AsObject();
        Assert.Equal(["get", "put"], studio.Select(o => o.Key).Order(StringComparer.Ordinal));
    }
}
