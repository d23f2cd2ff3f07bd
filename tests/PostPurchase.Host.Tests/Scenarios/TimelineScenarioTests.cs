using System.Net;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Web.Api;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Scenarios;

/// <summary>Whole timelines over HTTP: intake, each provider's signed webhooks and clock advances, down to every message and its time.</summary>
[Collection(HostCollection.Name)]
public sealed class TimelineScenarioTests(AzuriteServer azurite)
{
    private static readonly DateTimeOffset T0 = HostApp.Start;

    public static TheoryData<string> Providers => ["aftership", "easypost", "sendcloud", "shippo", "generic"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Timeline_ApparelShippedAndDelivered_SendsEveryMessageOnceAtItsTime(string provider)
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();

        Assert.Equal(HttpStatusCode.Accepted, (await merchant.PostAsync("/api/orders", Json.Intake(order))).StatusCode);
        await Dev.DrainAsync(app);
        await Dev.AdvanceAsync(app, "PT3H");                                  // Mon 12:00 Amsterdam
        await ScanAsync(app, provider, tracking, TrackingStatus.InTransit, T0.AddHours(2).AddMinutes(45));
        await Dev.AdvanceAsync(app, "PT20H30M");                              // Tue 08:30
        await ScanAsync(app, provider, tracking, TrackingStatus.OutForDelivery, T0.AddHours(23).AddMinutes(15));
        await Dev.AdvanceAsync(app, "PT4H");                                  // Tue 12:30
        await ScanAsync(app, provider, tracking, TrackingStatus.Delivered, T0.AddDays(1).AddHours(3).AddMinutes(20));
        var end = await Dev.AdvanceAsync(app, "P35D");                 // past the 30-day return window

        var messages = await Dev.MessagesAsync(merchant, order.OrderId);
        var sent = messages.Where(m => m.Status == MessageStatus.Sent).Select(m => (m.Intent, m.Channel, m.SentAt)).ToList();
        var shippedAt = T0.AddHours(3);
        var outAt = T0.AddHours(23).AddMinutes(30);
        var deliveredAt = T0.AddDays(1).AddHours(3).AddMinutes(30);
        Assert.Equal(
        [
            (Intent.OrderConfirmation, Channel.Email, (DateTimeOffset?)T0),
            (Intent.Shipped, Channel.Email, shippedAt),
            (Intent.Shipped, Channel.Sms, shippedAt),
            (Intent.OutForDelivery, Channel.Email, outAt),
            (Intent.OutForDelivery, Channel.Sms, outAt),
            (Intent.Delivered, Channel.Email, deliveredAt),
            (Intent.Delivered, Channel.Sms, deliveredAt),
            (Intent.CsatSurvey, Channel.Email, new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero)),
            (Intent.ReviewRequest, Channel.Email, new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero)),
        ], sent.OrderBy(m => m.SentAt).ThenBy(m => m.Channel).ToList());
        Assert.All(messages.Where(m => m.Status == MessageStatus.Sent), m =>
        {
            Assert.Equal("nl", m.Locale);
            Assert.False(string.IsNullOrWhiteSpace(m.Body));
            Assert.Equal(m.Channel == Channel.Email ? "anna@example.com" : "+31612345678", m.To);
            Assert.Equal(m.Channel == Channel.Email, m.Subject is not null);
        });
        var view = await Dev.OrderAsync(merchant, order.OrderId);
        Assert.Equal(OrderStatus.Delivered, view.Status);
        Assert.True(view.Completed);
        Assert.Null(view.NextStep);
        Assert.Equal(T0.AddDays(1).AddHours(3).AddMinutes(20), view.ExpectedDelivery);
        Assert.Equal(3, view.Timeline.Count(e => e.Kind == TimelineEntryKind.TrackingEvent));
        Assert.Equal(T0.AddDays(36).AddHours(3).AddMinutes(30), end);
    }

    [Fact]
    public async Task Timeline_CancelledBeforeShipping_ConfirmsTheCancellationAndSendsNothingMore()
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var order = OrderBuilder.Skincare().PlacedAt(T0).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.AdvanceAsync(app, "PT1H");

        var cancel = await merchant.PostAsync($"/api/orders/{order.OrderId}/cancel", Json.Body("""{"reason":"out of stock"}"""));
        await Dev.AdvanceAsync(app, "P40D");

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        var messages = await Dev.MessagesAsync(merchant, order.OrderId);
        Assert.Equal(
            [(Intent.OrderConfirmation, (DateTimeOffset?)T0), (Intent.CancellationConfirmed, T0.AddHours(1))],
            messages.Where(m => m.Status == MessageStatus.Sent).Select(m => (m.Intent, m.SentAt)).ToList());
        var view = await Dev.OrderAsync(merchant, order.OrderId);
        Assert.Equal(OrderStatus.Cancelled, view.Status);
        Assert.Null(view.NextStep);
    }

    [Fact]
    public async Task Timeline_RefundedAfterDelivery_SuppressesTheReviewRequest()
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.AdvanceAsync(app, "PT5H");
        await ScanAsync(app, "generic", tracking, TrackingStatus.Delivered, T0.AddHours(4));

        var refund = await merchant.PostAsync($"/api/orders/{order.OrderId}/refund", Json.Body("""{"returned":true,"reason":"damaged"}"""));
        await Dev.AdvanceAsync(app, "P30D");

        Assert.Equal(HttpStatusCode.Accepted, refund.StatusCode);
        var messages = await Dev.MessagesAsync(merchant, order.OrderId);
        Assert.DoesNotContain(messages, m => m.Intent == Intent.ReviewRequest && m.Status == MessageStatus.Sent);
        Assert.Equal(OrderStatus.Returned, (await Dev.OrderAsync(merchant, order.OrderId)).Status);
    }

    [Fact]
    public async Task Timeline_NotShippedByThePromise_AlertsOnceAtTheShipByTime()
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var order = OrderBuilder.Electronics().PlacedAt(T0).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.DrainAsync(app);

        var next = (await Dev.OrderAsync(merchant, order.OrderId)).NextStep;
        await Dev.AdvanceAsync(app, "P2D");

        Assert.NotNull(next);
        var alert = Assert.Single(await Dev.MessagesAsync(merchant, order.OrderId), m => m.Intent == Intent.DelayNotShipped);
        Assert.Equal(MessageStatus.Sent, alert.Status);
        Assert.Equal(next.At, alert.SentAt);
    }

    private static async Task ScanAsync(HostApp app, string provider, string tracking, TrackingStatus status, DateTimeOffset at)
    {
        var response = await app.Anonymous().SendAsync(CarrierPayloads.Build(provider, tracking, status, at, Some.EventId()).ToRequest());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync<WebhookReceipt>(response)).Routed);
        await Dev.DrainAsync(app);
    }
}
