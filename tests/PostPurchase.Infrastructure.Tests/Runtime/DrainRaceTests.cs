using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>DrainAsync beside the background loops: it must not report "nothing left" while a loop still works on this instant.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DrainRaceTests(AzuriteServer azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task DrainAsync_BackgroundLoopFiringADueWakeUp_WaitsUntilThatWakeUpIsApplied()
    {
        using var inDecide = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var holdWakeUps = false;
        await using var engine = EngineHarness.Create(azurite.ConnectionString, configure: o => new EngineOptions
        {
            Render = o.Render,
            InputRetryDelay = TimeSpan.Zero,
            Decide = (state, input, now, policy) =>
            {
                if (input is WakeUp && Volatile.Read(ref holdWakeUps))
                {
                    inDecide.Release();
                    release.Wait(Patience);
                }

                return OrderTimeline.Decide(state, input, now, policy);
            },
        });
        var order = OrderBuilder.Apparel().Build();
        var placed = await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        Volatile.Write(ref holdWakeUps, true);
        engine.Time.SetUtcNow(placed.Snapshot.State.NextWakeAt!.Value);
        var service = engine.Get<EngineService>();
        await service.StartAsync(CancellationToken.None);
        Task? drain = null;
        try
        {
            Assert.True(await inDecide.WaitAsync(Patience), "The background loop never fired the due wake-up.");

            drain = engine.Runtime.DrainAsync(CancellationToken.None);
            var first = await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(1)));
            release.Release();
            await drain;

            Assert.NotSame(drain, first);
        }
        finally
        {
            release.Release();
            await service.StopAsync(CancellationToken.None);
        }

        var after = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.True(after!.State.Version > placed.Snapshot.State.Version);
    }
}
