using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>
/// Retries scheduled while the outbox sweep sleeps, with the background loops as the Host runs them and the regular sweep five
/// minutes away: a retry is sent when it falls due, not when the sweep happens to run next.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineRetryWakeTests(AzuriteServer azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_RetryScheduledWhileTheSweepSleeps_SentWhenDueNotAtTheRegularSweep()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString, configure: o => new EngineOptions
        {
            Render = o.Render,
            InputRetryDelay = TimeSpan.Zero,
            WakePollInterval = TimeSpan.FromMilliseconds(200),
        });
        engine.Email.Next(_ => new SendResult(SendOutcome.Retry, Error: "503 service unavailable"));
        var service = engine.Get<EngineService>();
        await service.StartAsync(CancellationToken.None);
        try
        {
            // The start-up sweep finds nothing and goes to sleep for its regular five minutes.
            await Task.Delay(TimeSpan.FromSeconds(2));
            var order = OrderBuilder.Apparel().Build();
            await engine.Workflows.StartAsync(order, CancellationToken.None);
            await Eventually(async () => (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages
                .Any(m => m.Message.Channel == Channel.Email && m.Message.Error?.Contains("503", StringComparison.Ordinal) == true));

            // The first retry is due 5 s after the refusal; the clock moves a second at a time with room for the engine to act.
            var moved = TimeSpan.Zero;
            while (!engine.Email.Sent.Any(m => m.OrderId == order.OrderId))
            {
                Assert.True(moved < TimeSpan.FromSeconds(40), $"The retry was not sent within {moved} of simulated time.");
                engine.Time.Advance(TimeSpan.FromSeconds(1));
                moved += TimeSpan.FromSeconds(1);
                await Task.Delay(250);
            }

            Assert.InRange(moved, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(40));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2, engine.Email.Calls.Count);
    }

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
