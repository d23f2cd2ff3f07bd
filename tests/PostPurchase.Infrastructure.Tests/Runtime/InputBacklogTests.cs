using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>The engine counts a queued input as backlog from its acceptance until it is applied, and admission sees its wait.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InputBacklogTests(AzuriteServer azurite)
{
    [Fact]
    public async Task AcceptAsync_WebhooksQueuedPastTheTarget_RefusedUntilApplied()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var backlog = engine.Get<InputBacklog>();
        var admission = engine.Get<IAdmission>();
        var orders = Enumerable.Range(0, 20).Select(_ => OrderBuilder.Apparel().WithShipment("postnl", Some.TrackingNumber()).Build()).ToList();
        foreach (var order in orders)
        {
            await engine.Workflows.StartAsync(order, CancellationToken.None);
        }

        await engine.Runtime.DrainAsync(CancellationToken.None);
        Assert.Equal(0, backlog.Count);

        foreach (var order in orders)
        {
            var tracking = order.Shipments.Single().TrackingNumber;
            await engine.Ingress.AcceptAsync([EngineScenario.Scan(tracking, TrackingStatus.InTransit, engine.Time.GetUtcNow())], CancellationToken.None);
        }

        Assert.Equal(orders.Count, backlog.Count);
        Assert.Null(admission.RetryAfter());
        engine.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(2), admission.RetryAfter());

        await engine.Runtime.DrainAsync(CancellationToken.None);

        Assert.Equal(0, backlog.Count);
        Assert.Null(admission.RetryAfter());
    }
}
