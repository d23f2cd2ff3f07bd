using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>A provider's request to wait that arrives after a message was claimed still holds that message back.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ProviderPauseTests(AzuriteServer azurite)
{
    [Fact]
    public async Task SendGatedAsync_ProviderPausedBetweenClaimAndCall_NoRequestBeforeThePauseEndsAndNoAttemptSpent()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var batch = await engine.Get<OutboxWork>().Reader.ReadAsync();
        var gated = await engine.Get<SendGate>().ClaimAsync(batch, engine.Time.GetUtcNow(), CancellationToken.None);
        // Meanwhile another email was answered 429 with a minute's Retry-After (a quota), as happens with many hand-offs at once.
        engine.Get<ProviderPauses>().Pause(Channel.Email, engine.Time.GetUtcNow().AddMinutes(1));

        await engine.Get<OutboxDispatcher>().SendGatedAsync(batch, gated, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromSeconds(59));
        var callsDuringThePause = engine.Email.Calls.Count;
        var waiting = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single().Message;
        await engine.AdvanceAsync(TimeSpan.FromSeconds(2));

        Assert.Single(gated.Claimed);
        Assert.Equal(0, callsDuringThePause);
        Assert.Equal(MessageStatus.Pending, waiting.Status);
        var call = Assert.Single(engine.Email.Calls);
        Assert.False(call.MayHaveBeenSent); // the deferred claim gave its attempt back
        var sent = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single().Message;
        Assert.Equal(MessageStatus.Sent, sent.Status);
    }
}
