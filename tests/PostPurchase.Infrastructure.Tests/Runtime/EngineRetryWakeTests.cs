using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>
/// Retries scheduled while the outbox sweep sleeps, with the background loops as the Host runs them and the regular sweep five
/// minutes away: a retry is sent when it falls due, not when the sweep happens to run next, and sooner still when its provider
/// accepts again after a spell of trouble.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineRetryWakeTests(AzuriteServer azurite)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_RetryScheduledWhileTheSweepSleeps_SentWhenDueNotAtTheRegularSweep()
    {
        await using var engine = Create();
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

            // The first retry is due 5 s after the refusal.
            var moved = await AdvanceUntilAsync(engine, () => engine.Email.Sent.Any(m => m.OrderId == order.OrderId));

            Assert.InRange(moved, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2, engine.Email.Calls.Count);
    }

    [Fact]
    public async Task ExecuteAsync_ChannelAcceptsAgainAfterASpellOfRefusals_WaitingRetryGoesAtOnceNotAfterItsBackoff()
    {
        await using var engine = Create();
        for (var i = 0; i < 4; i++)
        {
            engine.Email.Next(_ => new SendResult(SendOutcome.Retry, Error: "ACS unreachable: connection refused"));
        }

        var service = engine.Get<EngineService>();
        await service.StartAsync(CancellationToken.None);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var waiting = OrderBuilder.Apparel().Build();
            await engine.Workflows.StartAsync(waiting, CancellationToken.None);
            // Refused at 0, 5, 15 and 35 s (backoff 5, 10, 20 s): its fifth attempt is due 40 s after the fourth.
            var moved = await AdvanceUntilAsync(engine, () => engine.Email.Calls.Count(m => m.OrderId == waiting.OrderId) == 4);

            var later = OrderBuilder.Apparel().Build();
            await engine.Workflows.StartAsync(later, CancellationToken.None);
            await Eventually(() => Task.FromResult(engine.Email.Sent.Any(m => m.OrderId == later.OrderId)));
            var after = await AdvanceUntilAsync(engine, () => engine.Email.Sent.Any(m => m.OrderId == waiting.OrderId));

            Assert.True(moved >= ChannelRecovery.Spell, $"The refusals spanned only {moved}.");
            Assert.True(after < TimeSpan.FromSeconds(20), $"The waiting email went {after} after ACS accepted again; its backoff ran 40 s.");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Equal(2, engine.Email.Sent.Count);
        Assert.Equal(6, engine.Email.Calls.Count);
    }

    private EngineHarness Create() => EngineHarness.Create(azurite.ConnectionString, configure: o => new EngineOptions
    {
        Render = o.Render,
        InputRetryDelay = TimeSpan.Zero,
        WakePollInterval = TimeSpan.FromMilliseconds(200),
    });

    // Moves the clock a second at a time, with room for the engine to act, until the condition holds; returns how far it moved.
    private static async Task<TimeSpan> AdvanceUntilAsync(EngineHarness engine, Func<bool> condition)
    {
        var moved = TimeSpan.Zero;
        while (!condition())
        {
            Assert.True(moved < TimeSpan.FromSeconds(60), $"Nothing happened within {moved} of simulated time.");
            engine.Time.Advance(TimeSpan.FromSeconds(1));
            moved += TimeSpan.FromSeconds(1);
            await Task.Delay(250);
        }

        return moved;
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
