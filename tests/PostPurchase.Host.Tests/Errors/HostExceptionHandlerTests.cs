using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
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
    public async Task Intake_StorageUnreachable_Returns503ProblemWithRetryAfter()
    {
        using var own = new AzuriteServer();
        await using var app = new HostApp(own.ConnectionString);
        var merchant = app.Merchant();
        var healthy = await merchant.GetAsync("/health");

        own.Stop();
        var response = await merchant.PostAsync("/api/orders", Json.Intake(OrderBuilder.Apparel().Build()));
        using var call = CarrierPayloads.Build("generic", "3SPOST0UTAGE1", TrackingStatus.InTransit, HostApp.Start, "outage-1").ToRequest();
        var webhook = await app.Anonymous().SendAsync(call);

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        foreach (var refused in new[] { response, webhook })
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
            Assert.DoesNotContain("AccountKey", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
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
