using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>The background loops as the Host runs them: nothing calls DrainAsync here.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineServiceTests(AzuriteServer azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_OrderPlacedOnAnotherInstance_ConfirmationSentAndWakeUpFiredOnceDue()
    {
        await using var intake = EngineHarness.Create(azurite.ConnectionString);
        await using var worker = EngineHarness.Create(azurite.ConnectionString, intake.Prefix, intake.Time, o => new EngineOptions
        {
            Render = o.Render,
            InputRetryDelay = TimeSpan.Zero,
            WakePollInterval = TimeSpan.FromMilliseconds(200),
            OutboxSweepInterval = TimeSpan.FromMilliseconds(200),
        });
        var order = OrderBuilder.Apparel().Build();
        var placed = await intake.Workflows.StartAsync(order, CancellationToken.None);
        var service = worker.Get<EngineService>();

        await service.StartAsync(CancellationToken.None);
        try
        {
            await Eventually(() => worker.Email.Sent.Any(m => m.Intent == Intent.OrderConfirmation));
            intake.Time.SetUtcNow(placed.Snapshot.State.NextWakeAt!.Value);
            await Eventually(async () => (await worker.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.State.Version > placed.Snapshot.State.Version);
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        var after = await worker.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.NotEqual(placed.Snapshot.State.NextWakeAt, after!.State.NextWakeAt);
        Assert.Single(worker.Email.Sent, m => m.Intent == Intent.OrderConfirmation);
        Assert.Empty(intake.Email.Calls);
    }

    private static Task Eventually(Func<bool> condition) => Eventually(() => Task.FromResult(condition()));

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < Patience, $"Condition not met within {Patience}.");
            await Task.Delay(50);
        }
    }
}
