using Microsoft.Extensions.Logging.Abstractions;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Channels.Twilio.TwilioWebhooks;

public sealed class TwilioStatusCallbackHandlerTests
{
    [Theory]
    [InlineData("PP-1:shipped:sms", "PP-1")]
    [InlineData("PP-1:shipped:3SPP0001:whatsapp", "PP-1")]
    [InlineData("SHOP:2026:42:out-for-delivery:3SPP0001:sms", "SHOP:2026:42")]
    [InlineData("A:B:order-confirmation:email", "A:B")]
    [InlineData("PP-1:shipped:3SPP0001:sms:resend-2", "PP-1")]
    [InlineData("A:resend-1:order-confirmation:email:resend-1", "A:resend-1")]
    public void OrderIdOf_Key_IsEverythingBeforeTheIntent(string key, string orderId)
    {
        Assert.Equal(orderId, TwilioStatusCallbackHandler.OrderIdOf(key));
    }

    [Theory]
    [InlineData("PP-1")]
    [InlineData("PP-1:sms")]
    [InlineData("PP-1:not-an-intent:sms")]
    [InlineData("PP-1:shipped:pigeon")]
    public void OrderIdOf_Malformed_IsNull(string key)
    {
        Assert.Null(TwilioStatusCallbackHandler.OrderIdOf(key));
    }

    [Theory]
    [InlineData("queued", null)]
    [InlineData("sending", null)]
    [InlineData("sent", MessageStatus.Sent)]
    [InlineData("delivered", MessageStatus.Delivered)]
    [InlineData("read", MessageStatus.Delivered)]
    [InlineData("undelivered", MessageStatus.Failed)]
    [InlineData("failed", MessageStatus.Failed)]
    [InlineData("some-new-status", null)]
    public void MapStatus_TwilioStatus_MapsToOurs(string twilio, MessageStatus? expected)
    {
        Assert.Equal(expected, TwilioStatusCallbackHandler.MapStatus(twilio));
    }

    [Fact]
    public async Task HandleAsync_SentAfterDelivered_IsIgnoredSoStatusesNeverGoBack()
    {
        var key = MessageKey.For("PP-8", Intent.Shipped, Channel.Sms);
        var workflows = new RecordingWorkflows("PP-8");
        workflows.Snapshots["PP-8"] = SnapshotWith(key, MessageStatus.Delivered);
        var handler = new TwilioStatusCallbackHandler(workflows, NullLogger<TwilioStatusCallbackHandler>.Instance);

        var result = await handler.HandleAsync(key, new TwilioForm([new("MessageStatus", "sent"), new("MessageSid", "SM1")]), CancellationToken.None);

        Assert.Equal(WebhookResultKind.Ignored, result.Kind);
        Assert.Empty(workflows.Raised);
    }

    [Fact]
    public async Task HandleAsync_DeliveredAfterSent_IsRaised()
    {
        var key = MessageKey.For("PP-9", Intent.Shipped, Channel.Sms);
        var workflows = new RecordingWorkflows("PP-9");
        workflows.Snapshots["PP-9"] = SnapshotWith(key, MessageStatus.Sent);
        var handler = new TwilioStatusCallbackHandler(workflows, NullLogger<TwilioStatusCallbackHandler>.Instance);

        var result = await handler.HandleAsync(key, new TwilioForm([new("MessageStatus", "delivered"), new("MessageSid", "SM1")]), CancellationToken.None);

        Assert.Equal(WebhookResultKind.Applied, result.Kind);
        Assert.Equal(new MessageStatusChanged(key, MessageStatus.Delivered, "SM1"), Assert.Single(workflows.Raised).Input);
    }

    [Fact]
    public async Task HandleAsync_ReadAfterDelivered_IsRaisedAsOpened()
    {
        var key = MessageKey.For("PP-10", Intent.Shipped, Channel.WhatsApp);
        var workflows = new RecordingWorkflows("PP-10");
        workflows.Snapshots["PP-10"] = SnapshotWith(key, MessageStatus.Delivered);
        var handler = new TwilioStatusCallbackHandler(workflows, NullLogger<TwilioStatusCallbackHandler>.Instance);

        var result = await handler.HandleAsync(key, new TwilioForm([new("MessageStatus", "read"), new("MessageSid", "SM1")]), CancellationToken.None);

        Assert.Equal(WebhookResultKind.Applied, result.Kind);
        Assert.Equal(new MessageStatusChanged(key, MessageStatus.Delivered, "SM1", Opened: true), Assert.Single(workflows.Raised).Input);
    }

    private static OrderSnapshot SnapshotWith(string key, MessageStatus status)
    {
        var message = new TimelineMessage(key, Intent.Shipped, Channel.Sms, "+31612345678", "nl", MessagePurpose.Transactional, false, status, Some.Monday, Some.Monday);
        var state = new TimelineState { Order = OrderBuilder.Apparel().Build(), Consent = new ConsentState(true, false, false, false, false, []), Messages = [message] };
        return new OrderSnapshot(state, [new MessageRecord(message, null, "Je pakket is onderweg.")]);
    }
}
