using Microsoft.Playwright;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class CancelFlowTests(PagesHost host)
{
    [Fact]
    public async Task Cancel_BeforeShipping_CancelsConfirmsByEmailTellsShopAndNoReview()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).For(Some.Customer("en")).Build();
        await host.PlaceAsync(order);
        var before = host.Shop.Received.Count;
        await using var browser = await BrowserPage.OpenAsync(host, 390, 844);
        var page = browser.Page;

        await page.GotoAsync(host.TrackingUrl(order.OrderId));
        await page.GetByTestId("cancel-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("cancel-confirm")).ToBeVisibleAsync();
        await page.GetByTestId("cancel-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Your order has been cancelled");
        await browser.ScreenshotAsync("cancel-confirmed-phone");
        await host.DrainAsync();

        var snapshot = await host.SnapshotAsync(order.OrderId);
        Assert.Equal(OrderStatus.Cancelled, snapshot.State.Status);
        Assert.Contains(snapshot.Messages, m => m.Message.Intent == Intent.CancellationConfirmed && m.Message.Channel == Channel.Email && m.Message.Status is MessageStatus.Sent or MessageStatus.Delivered);
        await host.Shop.WaitForAsync(before + 1, TimeSpan.FromSeconds(10));
        var webhook = host.Shop.Received.Skip(before).Single(r => r.Body.Contains(order.OrderId, StringComparison.Ordinal));
        Assert.Equal("cancellation-requested", webhook.Headers["PostPurchase-Event"]);
        Assert.True(WebhookSignature.Verify(webhook.Headers[WebhookSignature.HeaderName], PagesHost.WebhookSecret, webhook.Body, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));

        await host.AdvanceAsync(TimeSpan.FromDays(40));
        var later = await host.SnapshotAsync(order.OrderId);
        Assert.DoesNotContain(later.Messages, m => m.Message.Intent == Intent.ReviewRequest && m.Message.Status != MessageStatus.Suppressed);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("cancel-button")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Cancel_AfterFirstScan_ButtonReplacedByReturnExplanation()
    {
        var now = host.Clock.GetUtcNow();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(now).For(Some.Customer("en")).WithShipment("postnl", tracking).Build();
        await host.PlaceAsync(order);
        await host.RaiseAsync(order.OrderId, new TrackingUpdated(new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", now.AddMinutes(5), "Sorted", "Utrecht")));
        await using var browser = await BrowserPage.OpenAsync(host);

        await browser.Page.GotoAsync(host.TrackingUrl(order.OrderId));

        await Assertions.Expect(browser.Page.GetByTestId("cancel-too-late")).ToBeVisibleAsync();
        await Assertions.Expect(browser.Page.GetByTestId("cancel-button")).ToHaveCountAsync(0);
    }
}
