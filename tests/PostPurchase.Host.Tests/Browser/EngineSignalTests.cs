using System.Text.Json;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class EngineSignalTests(PagesHost host)
{
    [Fact]
    public async Task Engine_DelayDetected_ShopReceivesSignedWebhook()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Promising(TimeSpan.FromDays(1), TimeSpan.FromDays(3)).Build();
        await host.PlaceAsync(order);

        await host.AdvanceAsync(TimeSpan.FromDays(2));

        var webhook = await ReceivedAsync(order.OrderId, "delay-detected");
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("delay-not-shipped", body.RootElement.GetProperty("data").GetProperty("cause").GetString());
    }

    [Fact]
    public async Task Engine_MessageFailed_ShopReceivesSignedWebhook()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).Build();
        await host.PlaceAsync(order);

        await host.RaiseAsync(order.OrderId, new MessageStatusChanged(MessageKey.For(order.OrderId, Intent.OrderConfirmation, Channel.Email), MessageStatus.Failed, null, "550 mailbox unavailable"));

        var webhook = await ReceivedAsync(order.OrderId, "message-failed");
        Assert.Contains("550 mailbox unavailable", webhook.Body, StringComparison.Ordinal);
    }

    private async Task<Testing.Http.ReceivedRequest> ReceivedAsync(string orderId, string kind)
    {
        for (var i = 0; i < 20; i++)
        {
            var found = host.Shop.Received.FirstOrDefault(r => r.Headers.GetValueOrDefault("PostPurchase-Event") == kind && r.Body.Contains(orderId, StringComparison.Ordinal));
            if (found is not null)
            {
                Assert.True(WebhookSignature.Verify(found.Headers[WebhookSignature.HeaderName], PagesHost.WebhookSecret, found.Body, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
                return found;
            }
            await host.Shop.WaitForAsync(host.Shop.Received.Count + 1, TimeSpan.FromSeconds(10));
        }
        throw new Xunit.Sdk.XunitException($"The shop never received {kind} for {orderId}.");
    }
}
