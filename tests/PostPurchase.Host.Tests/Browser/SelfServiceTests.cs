using System.Text.Json;
using Microsoft.Playwright;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class SelfServiceTests(PagesHost host)
{
    [Fact]
    public async Task Return_AfterDelivery_ExchangeOfferedFirstThenInstructionsAndShopTold()
    {
        var order = await Scenarios.DeliveredAsync(host);
        await using var browser = await BrowserPage.OpenAsync(host, 390, 844);
        var page = browser.Page;
        await page.GotoAsync(host.TrackingUrl(order.OrderId));

        var options = await page.Locator("input[name=resolution]").EvaluateAllAsync<string[]>("els => els.map(e => e.value + (e.checked ? '*' : ''))");
        Assert.Equal(["exchange*", "store-credit", "refund"], options);
        await page.GetByLabel("Reason").SelectOptionAsync("damaged");
        await browser.ScreenshotAsync("return-form-phone");
        await page.GetByTestId("return-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Your return has started");
        await host.DrainAsync();

        var snapshot = await host.SnapshotAsync(order.OrderId);
        Assert.Equal(OrderStatus.ReturnRequested, snapshot.State.Status);
        Assert.Contains(snapshot.Messages, m => m.Message.Intent == Intent.ReturnInstructions && m.Message.Channel == Channel.Email);
        var webhook = await ShopReceivedAsync(order.OrderId, "return-requested");
        using var body = JsonDocument.Parse(webhook.Body);
        Assert.Equal("exchange", body.RootElement.GetProperty("data").GetProperty("resolution").GetString());
        await host.AdvanceAsync(TimeSpan.FromDays(40));
        Assert.DoesNotContain((await host.SnapshotAsync(order.OrderId)).Messages, m => m.Message.Intent == Intent.ReviewRequest && m.Message.Status != MessageStatus.Suppressed);
    }

    [Fact]
    public async Task Rate_Two_SupportFollowUpAndNoReviewRequest()
    {
        var order = await Scenarios.DeliveredAsync(host);
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await page.GotoAsync(host.TrackingUrl(order.OrderId) + "#rate");

        await page.GetByTestId("score-2").CheckAsync();
        await page.GetByLabel("Anything you would like to tell us? (optional)").FillAsync("The box was crushed.");
        await page.GetByTestId("rate-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await host.DrainAsync();

        var webhook = await ShopReceivedAsync(order.OrderId, "support-follow-up");
        Assert.Contains("The box was crushed.", webhook.Body, StringComparison.Ordinal);
        await host.AdvanceAsync(TimeSpan.FromDays(40));
        var snapshot = await host.SnapshotAsync(order.OrderId);
        Assert.Equal(2, snapshot.State.CsatScore);
        Assert.DoesNotContain(snapshot.Messages, m => m.Message.Intent == Intent.ReviewRequest && m.Message.Status != MessageStatus.Suppressed);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("rated")).ToContainTextAsync("2 out of 5");
    }

    [Fact]
    public async Task Rate_Five_ReviewRequestScheduled()
    {
        var order = await Scenarios.DeliveredAsync(host);
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await page.GotoAsync(host.TrackingUrl(order.OrderId));

        await page.GetByTestId("score-5").CheckAsync();
        await page.GetByTestId("rate-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await host.DrainAsync();

        var snapshot = await host.SnapshotAsync(order.OrderId);
        Assert.Equal(5, snapshot.State.CsatScore);
        var review = Assert.Single(snapshot.State.Messages, m => m.Intent == Intent.ReviewRequest && m.Channel == Channel.Email);
        Assert.NotEqual(MessageStatus.Suppressed, review.Status);
        Assert.True(review.ScheduledFor > host.Clock.GetUtcNow(), "the review request waits for its time");
        Assert.DoesNotContain(host.Shop.Received, r => r.Body.Contains(order.OrderId, StringComparison.Ordinal) && r.Headers["PostPurchase-Event"] == "support-follow-up");
    }

    [Fact]
    public async Task Consent_OptOutOnPage_NoFurtherSms()
    {
        var now = host.Clock.GetUtcNow();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(now).For(Some.Customer("en")).WithShipment("postnl", tracking).Build();
        await host.PlaceAsync(order);
        await using var browser = await BrowserPage.OpenAsync(host, 390, 844);
        var page = browser.Page;
        await page.GotoAsync(host.TrackingUrl(order.OrderId) + "#consent");

        await Assertions.Expect(page.GetByTestId("consent-sms")).ToBeCheckedAsync();
        await page.GetByTestId("consent-sms").UncheckAsync();
        await page.GetByTestId("consent-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToBeVisibleAsync();
        await host.DrainAsync();
        await host.RaiseAsync(order.OrderId, new TrackingUpdated(new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", now.AddHours(3), null, "Utrecht")));
        await host.RaiseAsync(order.OrderId, new TrackingUpdated(new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.OutForDelivery, "out_for_delivery", now.AddHours(20), null, "Amsterdam")));
        await host.AdvanceAsync(TimeSpan.FromDays(1));

        var snapshot = await host.SnapshotAsync(order.OrderId);
        var proof = Assert.Single(snapshot.State.Consent.History, c => c.Source == "tracking-page");
        Assert.Equal(("sms", false, "tracking-page-v1"), (proof.Subject, proof.Granted, proof.WordingVersion));
        Assert.DoesNotContain(snapshot.Messages, m => m.Message.Channel == Channel.Sms && m.Message.Status is MessageStatus.Pending or MessageStatus.Sent or MessageStatus.Delivered or MessageStatus.Scheduled);
        Assert.Contains(snapshot.Messages, m => m.Message.Intent == Intent.OutForDelivery && m.Message.Channel == Channel.Email);
    }

    private async Task<Testing.Http.ReceivedRequest> ShopReceivedAsync(string orderId, string kind)
    {
        for (var i = 0; i < 50; i++)
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
