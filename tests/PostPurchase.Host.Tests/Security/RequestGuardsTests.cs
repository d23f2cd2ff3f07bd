using System.Net;
using System.Text;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Security;

/// <summary>What every merchant route checks before its handler runs: the API key, the body's size and its media type.</summary>
[Collection(HostCollection.Name)]
public sealed class RequestGuardsTests(AzuriteServer azurite) : IAsyncLifetime
{
    private HostApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HostApp(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task OrderRoutes_WithoutTheApiKey_Return401Problem(string? key)
    {
        var client = _app.Anonymous();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", key);
        }
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();

        var post = await client.PostAsync("/api/orders", Json.Intake(order));
        var get = await client.GetAsync($"/api/orders/{order.OrderId}");
        var admin = await client.GetAsync("/api/admin/poison");

        Assert.All([post, get, admin], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal("application/problem+json", post.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Merchant().GetAsync($"/api/orders/{order.OrderId}")).StatusCode);
    }

    [Fact]
    public async Task GetOrder_KeyInCodeQuery_IsAccepted()
    {
        var response = await _app.Anonymous().GetAsync($"/api/orders/{Some.OrderId()}?code={HostApp.ApiKey}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_BodyOver256KB_Returns413()
    {
        var huge = $$"""{"orderId":"PP-HUGE","paymentMethod":"{{new string('x', 300 * 1024)}}"}""";

        var response = await _app.Merchant().PostAsync("/api/orders", Json.Body(huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PlaceOrder_ChunkedBodyOver256KB_Returns413()
    {
        var huge = Encoding.UTF8.GetBytes($$"""{"orderId":"PP-HUGE","paymentMethod":"{{new string('x', 300 * 1024)}}"}""");
        var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _app.Merchant().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_NotJson_Returns415ProblemSayingWhatToSend()
    {
        var response = await _app.Merchant().PostAsync("/api/orders", new StringContent("orderId=1", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", (await Json.ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_ProductionWithoutApiKey_FailsNamingTheSetting()
    {
        await using var app = new HostApp(
            azurite.ConnectionString,
            simulated: false,
            settings: new Dictionary<string, string> { ["PostPurchase:ApiKey"] = "" },
            environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.Services);

        Assert.Contains("PostPurchase:ApiKey", failure.ToString(), StringComparison.Ordinal);
    }
}
