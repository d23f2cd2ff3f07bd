using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>Runs its own Azurite on disk, so stopping it is an outage and not a wipe.</summary>
public sealed class EngineOutageTests : IDisposable
{
    private readonly string _location = Directory.CreateTempSubdirectory("postpurchase-azurite-").FullName;
    private readonly AzuriteServer _azurite;

    public EngineOutageTests() => _azurite = AzuriteServer.Persistent(_location);

    [Fact]
    public async Task DrainAsync_StorageDownThenBack_UnhealthyMeanwhileAndNothingLost()
    {
        await using var engine = EngineHarness.Create(_azurite.ConnectionString);
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var healthyBefore = await engine.CheckHealthAsync();

        _azurite.Stop();
        var healthDuring = await engine.CheckHealthAsync();
        AssertStorageFailure(await Assert.ThrowsAnyAsync<Exception>(() => engine.Runtime.DrainAsync(CancellationToken.None)));
        AssertStorageFailure(await Assert.ThrowsAnyAsync<Exception>(() => engine.Workflows.RaiseAsync(order.OrderId, new ReviewLinkUsed(), CancellationToken.None)));
        _azurite.Start();
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var healthAfter = await engine.CheckHealthAsync();
        await engine.RunToEndAsync(order.OrderId);

        Assert.Equal(HealthStatus.Healthy, healthyBefore.Status);
        Assert.Equal(HealthStatus.Unhealthy, healthDuring.Status);
        Assert.Equal(HealthStatus.Healthy, healthAfter.Status);
        Assert.Single(engine.Email.Sent, m => m.Intent == Intent.OrderConfirmation);
        var snapshot = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.True(snapshot!.State.Completed);
    }

    private static void AssertStorageFailure(Exception exception) =>
        Assert.True(exception is RequestFailedException || exception is AggregateException { InnerExceptions: var inner } && inner.All(e => e is RequestFailedException),
            $"Expected a storage failure, got {exception}");

    public void Dispose()
    {
        _azurite.Dispose();
        Directory.Delete(_location, recursive: true);
    }
}
