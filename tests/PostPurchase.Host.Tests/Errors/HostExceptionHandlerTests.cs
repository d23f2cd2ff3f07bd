using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Errors;

[Collection(HostCollection.Name)]
public sealed class HostExceptionHandlerTests(AzuriteServer azurite)
{
    private const string Secret = "AccountKey=c2VjcmV0LXN0b3JhZ2Uta2V5";

    [Fact]
    public async Task UnhandledException_Returns500ProblemWithoutTheExceptionText()
    {
        await using var app = new HostApp(azurite.ConnectionString, services: s =>
        {
            s.RemoveAll<IOrderWorkflows>();
            s.AddSingleton<IOrderWorkflows, FailingWorkflows>();
        });

        var response = await app.Merchant().GetAsync($"/api/orders/{Some.OrderId()}");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailingWorkflows), body, StringComparison.Ordinal);
        Assert.NotNull((await Json.ReadAsync(response))["traceId"]);
    }

    [Fact]
    public async Task UnknownRoute_Returns404Problem()
    {
        await using var app = new HostApp(azurite.ConnectionString);

        var response = await app.Anonymous().GetAsync("/api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed class FailingWorkflows : IOrderWorkflows
    {
        public Task<StartResult> StartAsync(Order order, CancellationToken cancellationToken) => throw Failure();

        public Task<bool> RaiseAsync(string orderId, TimelineInput input, CancellationToken cancellationToken) => throw Failure();

        public Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken) => throw Failure();

        private static InvalidOperationException Failure() => new($"Storage refused the request with {Secret}");
    }
}
