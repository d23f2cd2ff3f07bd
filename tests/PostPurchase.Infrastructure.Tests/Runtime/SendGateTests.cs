using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>The last look before a send: consent and quiet hours as they are when a waiting message is claimed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendGateTests(AzuriteServer azurite)
{
    [Fact]
    public async Task DispatchAsync_StopArrivesWhileTheTextWaitsInTheOutbox_TextSuppressedAndDeciderTold()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (order, text) = await TextWaitingForRetryAsync(engine);

        await engine.Workflows.RaiseAsync(order.OrderId, new ConsentChanged(ConsentSubjects.Sms, false, "sms-keyword"), CancellationToken.None);
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));
        await engine.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(engine.Sms.Sent);
        Assert.Single(engine.Sms.Calls);
        var recorded = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!;
        var row = recorded.Messages.Single(m => m.Message.Key == text).Message;
        Assert.Equal(MessageStatus.Suppressed, row.Status);
        Assert.Equal(SuppressionReason.OptedOut, row.Reason);
        var decided = recorded.State.Messages.Single(m => m.Key == text);
        Assert.Equal(MessageStatus.Suppressed, decided.Status);
        Assert.Equal(SuppressionReason.OptedOut, decided.Reason);
    }

    [Fact]
    public async Task DispatchAsync_StopStoredByAnotherInstanceAfterThisOneReadTheOrder_ClaimFailsAndTheTextIsSuppressed()
    {
        await using var sender = EngineHarness.Create(azurite.ConnectionString);
        var (order, text) = await TextWaitingForRetryAsync(sender);
        await using var webhook = EngineHarness.Create(azurite.ConnectionString, sender.Prefix, sender.Time);

        // The sender instance still holds the order as it was before the STOP (its cache), so only the claim's condition on
        // the state row's ETag can tell it the consent changed.
        await webhook.Workflows.RaiseAsync(order.OrderId, new ConsentChanged(ConsentSubjects.Sms, false, "sms-keyword"), CancellationToken.None);
        await sender.AdvanceAsync(TimeSpan.FromMinutes(1));

        Assert.Empty(sender.Sms.Sent);
        var row = (await sender.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Key == text).Message;
        Assert.Equal(MessageStatus.Suppressed, row.Status);
    }

    [Fact]
    public async Task DispatchAsync_RetryComesDueAtNight_DeferredToTheMorningAndSentThen()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (order, text) = await TextWaitingForRetryAsync(engine, retryAfter: TimeSpan.FromHours(12));

        await engine.AdvanceAsync(TimeSpan.FromHours(12).Add(TimeSpan.FromMinutes(1))); // Monday 21:01 in Amsterdam
        var atNight = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Key == text).Message;
        await engine.AdvanceAsync(TimeSpan.FromHours(11));                               // Tuesday 08:02

        Assert.Equal(MessageStatus.Pending, atNight.Status);
        var sent = Assert.Single(engine.Sms.Sent);
        Assert.Equal(text, sent.Key);
        Assert.Equal(2, engine.Sms.Calls.Count);
    }

    [Fact]
    public async Task DispatchAsync_ProviderAskedToWaitAMinute_OtherTextsWaitTooWithoutSpendingAttempts()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var (first, _) = await TextWaitingForRetryAsync(engine, retryAfter: TimeSpan.FromMinutes(1));
        var (second, secondText) = await TextWaitingAsync(engine);

        var callsWhilePaused = engine.Sms.Calls.Count;
        var waiting = (await engine.Workflows.GetAsync(second.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Key == secondText).Message;
        var refused = (await engine.Workflows.GetAsync(first.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Channel == Channel.Sms).Message;
        await engine.AdvanceAsync(TimeSpan.FromSeconds(61));

        Assert.Equal(1, callsWhilePaused);
        Assert.Equal(MessageStatus.Pending, waiting.Status);
        // Both say why they wait, so the merchant sees a paused channel rather than stuck messages.
        Assert.StartsWith("Waiting until ", waiting.Error, StringComparison.Ordinal);
        Assert.Contains("the sms provider asked to wait", waiting.Error, StringComparison.Ordinal);
        Assert.Contains("attempt 1 of 12 was not accepted", refused.Error, StringComparison.Ordinal);
        Assert.Contains("Last error: twilio 20429", refused.Error, StringComparison.Ordinal);
        var sent = (await engine.Workflows.GetAsync(second.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Key == secondText).Message;
        Assert.DoesNotContain("Waiting", sent.Error ?? "", StringComparison.Ordinal);
        Assert.Equal(2, engine.Sms.Sent.Count);
        Assert.Contains(engine.Sms.Sent, m => m.OrderId == first.OrderId);
    }

    private static async Task<(Core.Orders.Order Order, string TextKey)> TextWaitingAsync(EngineHarness engine)
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Ingress.AcceptAsync([EngineScenario.Scan(tracking, TrackingStatus.InTransit, engine.Time.GetUtcNow())], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var text = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Channel == Channel.Sms).Message;
        return (order, text.Key);
    }

    /// <summary>An in-transit scan Monday 09:00 in Amsterdam; the text's first send is refused with 429, so it waits in the outbox.</summary>
    private static async Task<(Core.Orders.Order Order, string TextKey)> TextWaitingForRetryAsync(EngineHarness engine, TimeSpan? retryAfter = null)
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        engine.Sms.Next(_ => new SendResult(SendOutcome.Retry, Error: "twilio 20429 (HTTP 429): too many requests", RetryAfter: retryAfter ?? TimeSpan.FromSeconds(30)));
        await engine.Ingress.AcceptAsync([EngineScenario.Scan(tracking, TrackingStatus.InTransit, engine.Time.GetUtcNow())], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var text = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Channel == Channel.Sms).Message;
        Assert.Equal(MessageStatus.Pending, text.Status);
        return (order, text.Key);
    }
}
