using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

[Collection(AzuriteCollection.Name)]
public sealed class EngineCrashSafetyTests(AzuriteServer azurite)
{
    [Fact]
    public async Task DrainAsync_SenderThrowsOnce_MessageRetriedAndSentExactlyOnce()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        engine.Email.Next(_ => throw new HttpRequestException("connection refused"));
        var order = OrderBuilder.Apparel().Build();

        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var waiting = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(MessageStatus.Pending, waiting!.Messages.Single().Message.Status);
        Assert.Contains("connection refused", waiting.Messages.Single().Message.Error, StringComparison.Ordinal);
        Assert.Equal(2, engine.Email.Calls.Count);
        Assert.Single(engine.Email.Sent);
        var sent = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        Assert.Equal(MessageStatus.Sent, sent!.Messages.Single().Message.Status);
    }

    [Fact]
    public async Task DrainAsync_EngineStoppedBetweenCommitAndSend_RestartedEngineSendsEachMessageOnce()
    {
        var order = OrderBuilder.Apparel().Build();
        await using var crashed = EngineHarness.Create(azurite.ConnectionString);
        await crashed.Workflows.StartAsync(order, CancellationToken.None);
        await crashed.Workflows.RaiseAsync(order.OrderId, new ConsentChanged("sms", false, "merchant"), CancellationToken.None);
        await crashed.DisposeAsync();

        await using var restarted = EngineHarness.Create(azurite.ConnectionString, crashed.Prefix, crashed.Time,
            o => new EngineOptions { Render = o.Render, InputRetryDelay = o.InputRetryDelay, VisibilityTimeout = TimeSpan.FromSeconds(1) });
        await restarted.Runtime.DrainAsync(CancellationToken.None);
        await restarted.Runtime.DrainAsync(CancellationToken.None);

        Assert.Empty(crashed.Email.Calls);
        Assert.Single(restarted.Email.Sent, m => m.Key == $"{order.OrderId}:order-confirmation:email");
        Assert.Single(restarted.Email.Calls);
    }

    [Fact]
    public async Task DrainAsync_InputQueuedByCrashedEngine_AppliedByTheNextOneAfterItsVisibilityTimeout()
    {
        var order = OrderBuilder.Apparel().Build();
        await using var crashed = EngineHarness.Create(azurite.ConnectionString,
            configure: o => new EngineOptions { Render = o.Render, VisibilityTimeout = TimeSpan.FromSeconds(1) });
        await crashed.Workflows.StartAsync(order, CancellationToken.None);
        await crashed.Workflows.RaiseAsync(order.OrderId, new ConsentChanged("sms", false, "merchant"), CancellationToken.None);
        await crashed.DisposeAsync();
        await using var next = EngineHarness.Create(azurite.ConnectionString, crashed.Prefix, crashed.Time);

        var applied = false;
        for (var attempt = 0; attempt < 100 && !applied; attempt++)
        {
            await next.Runtime.DrainAsync(CancellationToken.None);
            var snapshot = await next.Workflows.GetAsync(order.OrderId, CancellationToken.None);
            applied = snapshot!.State.Consent.SmsOptedOut;
            if (!applied)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(applied);
    }

    [Fact]
    public async Task SweepAsync_ClaimOutlivedItsLease_MarkedUnknownAndNeverResent()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var batch = await engine.Get<OutboxWork>().Reader.ReadAsync();
        await engine.Get<Infrastructure.Storage.OutboxStore>().ClaimAsync(batch.Rows, engine.Time.GetUtcNow().AddMinutes(2), CancellationToken.None);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(3));
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Empty(engine.Email.Calls);
        var message = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single().Message;
        Assert.Equal(MessageStatus.Pending, message.Status);
        Assert.StartsWith("unknown, check", message.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SweepAsync_ClaimOutlivedItsLeaseWithAProviderThatCanBeAsked_HandedOverAgainAsMayHaveBeenSent()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        engine.Email.CanLookUpSends = true;
        var order = OrderBuilder.Apparel().Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        var batch = await engine.Get<OutboxWork>().Reader.ReadAsync();
        await engine.Get<Infrastructure.Storage.OutboxStore>().ClaimAsync(batch.Rows, engine.Time.GetUtcNow().AddMinutes(2), CancellationToken.None);

        await engine.AdvanceAsync(TimeSpan.FromMinutes(3));
        await engine.AdvanceAsync(TimeSpan.FromHours(1));

        var call = Assert.Single(engine.Email.Calls);
        Assert.True(call.MayHaveBeenSent);
        var message = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single().Message;
        Assert.Equal(MessageStatus.Sent, message.Status);
    }

    [Fact]
    public async Task DispatchAsync_ProviderReportsOptOut_SuppressedAndConsentRevoked()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        engine.Sms.Next(_ => new SendResult(SendOutcome.OptedOut, Error: "21610: unsubscribed recipient"));

        await engine.Ingress.AcceptAsync([EngineScenario.Scan(tracking, Core.Tracking.TrackingStatus.InTransit, Some.Monday.AddHours(1))], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        var snapshot = await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None);
        var sms = snapshot!.Messages.Single(m => m.Message.Channel == Channel.Sms).Message;
        Assert.Equal(MessageStatus.Suppressed, sms.Status);
        Assert.Equal(SuppressionReason.OptedOut, sms.Reason);
        Assert.True(snapshot.State.Consent.SmsOptedOut);
        Assert.Empty(engine.Sms.Sent);
    }
}
