using System.Net;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Web.Api;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Scenarios;

/// <summary>Each delivery-problem intent, raised by a real provider's signed webhook, and the delay alerts raised by the clock alone.</summary>
[Collection(HostCollection.Name)]
public sealed class TrackingIntentScenarioTests(AzuriteServer azurite)
{
    private static readonly DateTimeOffset T0 = HostApp.Start;

    public static TheoryData<string, TrackingStatus, Intent, bool> Problems => new()
    {
        { "aftership", TrackingStatus.FailedAttempt, Intent.DeliveryFailedAttempt, true },
        { "sendcloud", TrackingStatus.FailedAttempt, Intent.DeliveryFailedAttempt, true },
        { "sendcloud", TrackingStatus.AvailableForPickup, Intent.AvailableForPickup, true },
        { "easypost", TrackingStatus.AvailableForPickup, Intent.AvailableForPickup, true },
        { "shippo", TrackingStatus.Exception, Intent.DeliveryException, true },
        { "generic", TrackingStatus.Exception, Intent.DeliveryException, true },
        { "easypost", TrackingStatus.ReturnedToSender, Intent.ReturnedToSender, false },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public async Task Webhook_DeliveryProblem_TellsTheBuyerAtOnce(string provider, TrackingStatus status, Intent intent, bool alsoByText)
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.AdvanceAsync(app, "PT2H");
        await ScanAsync(app, provider, tracking, TrackingStatus.InTransit, T0.AddHours(1));
        var at = await Dev.AdvanceAsync(app, "P1D");

        await ScanAsync(app, provider, tracking, status, at.AddMinutes(-20));

        var sent = (await Dev.MessagesAsync(merchant, order.OrderId))
            .Where(m => m.Intent == intent && m.Status == MessageStatus.Sent)
            .Select(m => (m.Channel, m.SentAt))
            .ToList();
        Assert.Equal(alsoByText ? [(Channel.Email, (DateTimeOffset?)at), (Channel.Sms, at)] : [(Channel.Email, (DateTimeOffset?)at)], sent);
    }

    [Fact]
    public async Task Clock_InTransitWithoutScansPastThePromise_AlertsNoScanThenOverdueOnceEach()
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.AdvanceAsync(app, "PT2H");
        await ScanAsync(app, "aftership", tracking, TrackingStatus.InTransit, T0.AddHours(1));

        await Dev.AdvanceAsync(app, "P10D");

        var messages = await Dev.MessagesAsync(merchant, order.OrderId);
        var noScan = Assert.Single(messages, m => m.Intent == Intent.DelayNoScan && m.Channel == Channel.Email);
        var overdue = Assert.Single(messages, m => m.Intent == Intent.DelayOverdue && m.Channel == Channel.Email);
        Assert.Equal(MessageStatus.Sent, noScan.Status);
        Assert.Equal(MessageStatus.Sent, overdue.Status);
        Assert.True(noScan.SentAt >= T0.AddHours(1).AddDays(3), $"no-scan alert at {noScan.SentAt}");
        Assert.True(overdue.SentAt >= order.Promise.DeliverBy, $"overdue alert at {overdue.SentAt}");
        Assert.Equal(noScan.ScheduledFor, noScan.SentAt);
        Assert.Equal(overdue.ScheduledFor, overdue.SentAt);
        Assert.Equal(OrderStatus.Shipped, (await Dev.OrderAsync(merchant, order.OrderId)).Status);
    }

    [Fact]
    public async Task Webhook_EstimateSlipsPastThePromise_AlertsOnceWithTheNewEstimate()
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        var at = await Dev.AdvanceAsync(app, "PT2H");
        var late = order.Promise.DeliverBy.AddDays(2);
        var webhooks = app.Anonymous();

        foreach (var eventId in new[] { Some.EventId(), Some.EventId() })
        {
            var body = $$"""{"eventId":"{{eventId}}","carrier":"postnl","trackingNumber":"{{tracking}}","status":"in-transit","occurredAt":"2026-03-02T10:00:00+01:00","estimatedDelivery":"{{late:yyyy-MM-ddTHH:mm:sszzz}}"}""";
            Assert.Equal(HttpStatusCode.OK, (await webhooks.SendAsync(CarrierPayloads.Sign("generic", body).ToRequest())).StatusCode);
            await Dev.DrainAsync(app);
        }

        var alerts = (await Dev.MessagesAsync(merchant, order.OrderId)).Where(m => m.Intent == Intent.DelayEstimateSlipped && m.Status == MessageStatus.Sent).ToList();
        Assert.Equal([(Channel.Email, (DateTimeOffset?)at), (Channel.Sms, at)], alerts.Select(m => (m.Channel, m.SentAt)).ToList());
        Assert.Equal(late, (await Dev.OrderAsync(merchant, order.OrderId)).ExpectedDelivery);
    }

    [Fact]
    public async Task GetOrder_CarrierEstimate_IsTheExpectedDeliveryAndTheNextStepIsScheduled()
    {
        await using var app = new HostApp(azurite.ConnectionString);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.AdvanceAsync(app, "PT2H");
        var estimate = T0.AddDays(2).AddHours(6);
        var body = $$"""{"eventId":"{{Some.EventId()}}","carrier":"postnl","trackingNumber":"{{tracking}}","status":"in-transit","occurredAt":"2026-03-02T10:00:00+01:00","estimatedDelivery":"{{estimate:yyyy-MM-ddTHH:mm:sszzz}}"}""";

        var response = await app.Anonymous().SendAsync(CarrierPayloads.Sign("generic", body).ToRequest());
        await Dev.DrainAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var view = await Dev.OrderAsync(merchant, order.OrderId);
        Assert.Equal(estimate, view.ExpectedDelivery);
        Assert.NotNull(view.NextStep);
        Assert.True(view.NextStep.At > T0.AddHours(2));
        Assert.Equal(OrderStatus.Shipped, view.Status);
    }

    private static async Task ScanAsync(HostApp app, string provider, string tracking, TrackingStatus status, DateTimeOffset at)
    {
        var response = await app.Anonymous().SendAsync(CarrierPayloads.Build(provider, tracking, status, at, Some.EventId()).ToRequest());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync<WebhookReceipt>(response)).Routed);
        await Dev.DrainAsync(app);
    }
}
