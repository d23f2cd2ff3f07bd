using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PostPurchase.Web.OpenApi;

namespace PostPurchase.Web.Tests.OpenApi;

public sealed class ApiDescriptionAppTests
{
    [Fact]
    public async Task DocumentJsonAsync_SharedRoutes_DescribesTheMerchantApiWithTheKeyAndNoPages()
    {
        await using var app = new ApiDescriptionApp(Environment("Production"));

        var document = JsonNode.Parse(await app.DocumentJsonAsync(CancellationToken.None))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/orders/{orderId}/shipments", paths);
        Assert.Contains("/api/admin/poison", paths);
        Assert.DoesNotContain(paths, p => p.StartsWith("/track", StringComparison.Ordinal) || p == "/");
        Assert.Equal("PostPurchase API", document["info"]!["title"]!.GetValue<string>());
        Assert.NotNull(document["paths"]!["/api/orders"]!["post"]!["security"]);
    }

    [Theory]
    [InlineData("Development", "/scalar/", StatusCodes.Status200OK)]
    [InlineData("Development", "/scalar/scalar.js", StatusCodes.Status200OK)]
    [InlineData("Development", "/scalar", StatusCodes.Status302Found)]
    [InlineData("Production", "/scalar/", StatusCodes.Status404NotFound)]
    public async Task ReferenceAsync_ByEnvironment_ServesTheApiReferenceOnlyInDevelopment(string environment, string path, int status)
    {
        await using var app = new ApiDescriptionApp(Environment(environment));
        await using var services = new ServiceCollection().AddLogging().AddOptions().AddSingleton(app).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "GET";
        context.Request.Path = path;
        context.Response.Body = new MemoryStream();

        var result = await ApiDocs.ReferenceAsync(context);
        await result.ExecuteAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal(status == StatusCodes.Status200OK, context.Response.Body.Length > 0);
    }

    private static HostingEnvironment Environment(string name) => new() { EnvironmentName = name, ApplicationName = "PostPurchase.Web.Tests" };
}
