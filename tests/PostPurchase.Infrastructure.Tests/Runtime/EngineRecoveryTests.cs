using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>
/// A restart on the data a killed process left behind, with the background loops as the Host runs them and the regular sweep
/// five minutes away: what the dead process claimed or scheduled is picked up within a minute of falling due, none twice.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineRecoveryTests(AzuriteServer azurite)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Promise = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ExecuteAsync_ClaimOfAKilledProcessWithAProviderThatCanBeAsked_HandedOverOnceWithinAMinuteOfItsLease()
    {
        var (crashed, claimed, pending) = await CrashWithOneClaimedAndOnePendingAsync();
        await using var restarted = Restart(crashed);
        restarted.Email.CanLookUpSends = true;
        var service = restarted.Get<EngineService>();

        await service.StartAsync(CancellationToken.None);
        try
        {
            await Eventually(() => restarted.Email.Sent.Any(m => m.OrderId == pending));
            Assert.DoesNotContain(restarted.Email.Calls, m => m.OrderId == claimed);

            var waited = await AdvanceUntilAsync(restarted, Lease, () => restarted.Email.Sent.Any(m => m.OrderId == claimed));

            Assert.True(waited <= Lease + Promise, $"Sent {waited} after the claim was made.");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        var call = Assert.Single(restarted.Email.Calls, m => m.OrderId == claimed);
        Assert.True(call.MayHaveBeenSent);
        Assert.Single(restarted.Email.Calls, m => m.OrderId == pending);
        Assert.Empty(crashed.Email.Calls);
        var message = (await restarted.Workflows.GetAsync(claimed, CancellationToken.None))!.Messages.Single().Message;
        Assert.Equal(MessageStatus.Sent, message.Status);
    }

    [Fact]
    public async Task ExecuteAsync_ClaimOfAKilledProcessWithAProviderThatCannotBeAsked_MarkedUnknownWithinAMinuteAndNeverResent()
    {
        var (crashed, claimed, _) = await CrashWithOneClaimedAndOnePendingAsync();
        await using var restarted = Restart(crashed);
        var service = restarted.Get<EngineService>();

        await service.StartAsync(CancellationToken.None);
        try
        {
            var waited = await AdvanceUntilAsync(restarted, Lease, async () =>
                (await restarted.Workflows.GetAsync(claimed, CancellationToken.None))!.Messages.Single().Message.Error?.StartsWith("unknown", StringComparison.Ordinal) == true);

            Assert.True(waited <= Lease + Promise, $"Settled {waited} after the claim was made.");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.DoesNotContain(restarted.Email.Calls, m => m.OrderId == claimed);
        Assert.Empty(crashed.Email.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_RetryScheduledByAKilledProcess_SentOnceWithinAMinuteOfFallingDue()
    {
        await using var crashed = EngineHarness.Create(azurite.ConnectionString);
        crashed.Email.Next(_ => new SendResult(SendOutcome.Retry, Error: "429 too many requests", RetryAfter: TimeSpan.FromSeconds(30)));
        var order = OrderBuilder.Apparel().Build();
        await crashed.Workflows.StartAsync(order, CancellationToken.None);
        await crashed.Runtime.DrainAsync(CancellationToken.None);
        Assert.Single(crashed.Email.Calls);
        Assert.Empty(crashed.Email.Sent);
        await crashed.DisposeAsync();
        await using var restarted = Restart(crashed);
        var service = restarted.Get<EngineService>();

        await service.StartAsync(CancellationToken.None);
        try
        {
            var waited = await AdvanceUntilAsync(restarted, TimeSpan.FromSeconds(30), () => restarted.Email.Sent.Any(m => m.OrderId == order.OrderId));

            Assert.True(waited <= TimeSpan.FromSeconds(30) + Promise, $"Sent {waited} after the retry was scheduled.");
        }
        finally
        {
            await service.StopAsync(CancellationToken.None);
        }

        Assert.Single(restarted.Email.Calls);
    }

    // The "killed" process decided two orders: one's row it claimed for sending (and died before recording the answer), the
    // other's it never handed off. Nothing of it runs any more; only its rows remain.
    private async Task<(EngineHarness Crashed, string Claimed, string Pending)> CrashWithOneClaimedAndOnePendingAsync()
    {
        var crashed = EngineHarness.Create(azurite.ConnectionString);
        var claimed = OrderBuilder.Apparel().Build();
        var pending = OrderBuilder.Apparel().Build();
        await crashed.Workflows.StartAsync(claimed, CancellationToken.None);
        var batch = await crashed.Get<OutboxWork>().Reader.ReadAsync();
        var owned = await crashed.Get<OutboxStore>().ClaimAsync(batch.Rows, crashed.Time.GetUtcNow() + Lease, CancellationToken.None);
        Assert.NotEmpty(owned);
        await crashed.Workflows.StartAsync(pending, CancellationToken.None);
        await crashed.DisposeAsync();
        return (crashed, claimed.OrderId, pending.OrderId);
    }

    // The regular sweep stays at its five-minute default, so only a sweep timed by what the start-up sweep saw can meet the promise.
    private EngineHarness Restart(EngineHarness crashed) =>
        EngineHarness.Create(azurite.ConnectionString, crashed.Prefix, crashed.Time, o => new EngineOptions
        {
            Render = o.Render,
            InputRetryDelay = TimeSpan.Zero,
            WakePollInterval = TimeSpan.FromMilliseconds(200),
        });

    private static Task<TimeSpan> AdvanceUntilAsync(EngineHarness engine, TimeSpan first, Func<bool> condition) =>
        AdvanceUntilAsync(engine, first, () => Task.FromResult(condition()));

    // Moves the simulated clock in steps (a timer set just as the clock jumps would otherwise miss a long jump) up to the point the
    // work falls due, then a second at a time with room for the engine to act, until the condition holds; returns how far it moved.
    private static async Task<TimeSpan> AdvanceUntilAsync(EngineHarness engine, TimeSpan due, Func<Task<bool>> condition)
    {
        var moved = TimeSpan.Zero;
        while (moved < due)
        {
            engine.Time.Advance(TimeSpan.FromSeconds(5));
            moved += TimeSpan.FromSeconds(5);
            await Task.Delay(20);
        }

        while (!await condition())
        {
            Assert.True(moved < due + Promise + Promise, $"Nothing happened within {moved} of simulated time.");
            await Task.Delay(250);
            engine.Time.Advance(TimeSpan.FromSeconds(1));
            moved += TimeSpan.FromSeconds(1);
        }

        return moved;
    }

    private static async Task Eventually(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < Patience, $"Condition not met within {Patience}.");
            await Task.Delay(50);
        }
    }
}
