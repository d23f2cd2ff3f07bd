using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Runtime;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

/// <summary>A provider's status callback that lands before the dispatcher records the send neither fails the batch nor is undone.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OutcomeMergeTests(AzuriteServer azurite)
{
    [Fact]
    public async Task CompleteAsync_DeliveredCallbackLandedBeforeTheSentOutcome_KeepsDeliveredAndTheProviderId()
    {
        await using var engine = EngineHarness.Create(azurite.ConnectionString);
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await engine.Workflows.StartAsync(order, CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);
        var store = engine.Get<OutboxStore>();
        engine.Sms.Next(message =>
        {
            // Twilio calls back within milliseconds of accepting, often before the dispatcher has written "sent".
            store.RecordCallbackAsync(message.OrderId, new MessageStatusChanged(message.Key, MessageStatus.Delivered), CancellationToken.None).GetAwaiter().GetResult();
            return SendResult.Sent("SM0000000000000000000000000000fast");
        });

        await engine.Ingress.AcceptAsync([EngineScenario.Scan(tracking, TrackingStatus.InTransit, engine.Time.GetUtcNow())], CancellationToken.None);
        await engine.Runtime.DrainAsync(CancellationToken.None);

        var text = (await engine.Workflows.GetAsync(order.OrderId, CancellationToken.None))!.Messages.Single(m => m.Message.Channel == Channel.Sms).Message;
        Assert.Equal(MessageStatus.Delivered, text.Status);
        Assert.Equal("SM0000000000000000000000000000fast", text.ProviderMessageId);
        Assert.Single(engine.Sms.Calls);
    }
}
