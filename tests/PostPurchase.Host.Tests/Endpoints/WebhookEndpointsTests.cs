using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Web.Api;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Endpoints;

[Collection(HostCollection.Name)]
public sealed class WebhookEndpointsTests(AzuriteServer azurite) : IAsyncLifetime
{
    private HostApp _app = null!;

    public static TheoryData<string> Providers => ["aftership", "easypost", "sendcloud", "shippo", "generic"];

    public Task InitializeAsync()
    {
        _app = new HostApp(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReceiveCarrierWebhook_ForgedSignature_Returns401AndStoresNothing(string provider)
    {
        var (orderId, tracking) = await PlaceShippedOrderAsync();
        var call = CarrierPayloads.Build(provider, tracking, TrackingStatus.InTransit, HostApp.Start, Some.EventId()).Forged();

        var response = await _app.Anonymous().SendAsync(call.ToRequest());
        await Dev.DrainAsync(_app);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var order = await Dev.OrderAsync(_app.Merchant(), orderId);
        Assert.DoesNotContain(order.Timeline, e => e.Kind == TimelineEntryKind.TrackingEvent);
        Assert.Equal(OrderStatus.Confirmed, order.Status);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReceiveCarrierWebhook_NoSignature_Returns401(string provider)
    {
        var call = CarrierPayloads.Build(provider, Some.TrackingNumber(), TrackingStatus.InTransit, HostApp.Start, Some.EventId());
        var unsigned = call with { Headers = new Dictionary<string, string>(), Query = "" };

        var response = await _app.Anonymous().SendAsync(unsigned.ToRequest());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ReceiveCarrierWebhook_UnknownProvider_Returns404NamingTheSupportedOnes()
    {
        var call = CarrierPayloads.Build("generic", Some.TrackingNumber(), TrackingStatus.InTransit, HostApp.Start, Some.EventId()) with { Provider = "dhl" };

        var response = await _app.Anonymous().SendAsync(call.ToRequest());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("aftership", (await Json.ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveCarrierWebhook_SignedButMalformed_Returns400NamingTheField()
    {
        var call = CarrierPayloads.Sign("generic", """{"eventId":"evt-broken-1","carrier":"postnl","status":"in-transit","occurredAt":"2026-03-02T10:00:00+01:00"}""");

        var response = await _app.Anonymous().SendAsync(call.ToRequest());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("trackingNumber", (await Json.ReadAsync(response))["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveCarrierWebhook_SameEventTwice_Returns200BothTimesAndKeepsOneEvent()
    {
        var (orderId, tracking) = await PlaceShippedOrderAsync();
        var call = CarrierPayloads.Build("aftership", tracking, TrackingStatus.InTransit, HostApp.Start.AddHours(1), Some.EventId());
        var webhooks = _app.Anonymous();

        var first = await webhooks.SendAsync(call.ToRequest());
        var second = await webhooks.SendAsync(call.ToRequest());
        await Dev.DrainAsync(_app);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(new WebhookReceipt("aftership", 1, 0, 0), await Json.ReadAsync<WebhookReceipt>(first));
        Assert.Equal(new WebhookReceipt("aftership", 0, 0, 1), await Json.ReadAsync<WebhookReceipt>(second));
        var order = await Dev.OrderAsync(_app.Merchant(), orderId);
        Assert.Single(order.Timeline, e => e.Kind == TimelineEntryKind.TrackingEvent);
        Assert.Single(await Dev.MessagesAsync(_app.Merchant(), orderId), m => m.Intent == Intent.Shipped && m.Channel == Channel.Email);
    }

    [Fact]
    public async Task ReceiveCarrierWebhook_OlderEventAfterDelivery_DoesNotMoveTheStatusBack()
    {
        var (orderId, tracking) = await PlaceShippedOrderAsync();
        var webhooks = _app.Anonymous();
        await Dev.AdvanceAsync(_app, "PT6H");

        await webhooks.SendAsync(CarrierPayloads.Build("easypost", tracking, TrackingStatus.Delivered, HostApp.Start.AddHours(5), Some.EventId()).ToRequest());
        var late = await webhooks.SendAsync(CarrierPayloads.Build("easypost", tracking, TrackingStatus.InTransit, HostApp.Start.AddHours(2), Some.EventId()).ToRequest());
        await Dev.DrainAsync(_app);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var order = await Dev.OrderAsync(_app.Merchant(), orderId);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(2, order.Timeline.Count(e => e.Kind == TimelineEntryKind.TrackingEvent));
        Assert.Equal([TrackingStatus.InTransit, TrackingStatus.Delivered],
            order.Timeline.Where(e => e.Kind == TimelineEntryKind.TrackingEvent).Select(e => e.TrackingStatus!.Value));
    }

    [Fact]
    public async Task ReceiveCarrierWebhook_UnknownTrackingNumber_IsParkedThenReplayedWhenTheShipmentIsRegistered()
    {
        var merchant = _app.Merchant();
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        var tracking = Some.TrackingNumber();
        await Dev.AdvanceAsync(_app, "PT2H");

        var parked = await _app.Anonymous().SendAsync(
            CarrierPayloads.Build("sendcloud", tracking, TrackingStatus.InTransit, HostApp.Start.AddHours(1), Some.EventId()).ToRequest());
        await Dev.DrainAsync(_app);
        var before = await Dev.OrderAsync(merchant, order.OrderId);
        var registered = await merchant.PostAsync($"/api/orders/{order.OrderId}/shipments", Json.Body($$"""{"carrier":"postnl","trackingNumber":"{{tracking}}"}"""));
        await Dev.DrainAsync(_app);

        Assert.Equal(HttpStatusCode.OK, parked.StatusCode);
        Assert.Equal(new WebhookReceipt("sendcloud", 0, 1, 0), await Json.ReadAsync<WebhookReceipt>(parked));
        Assert.Equal(OrderStatus.Confirmed, before.Status);
        Assert.Equal(HttpStatusCode.Accepted, registered.StatusCode);
        var after = await Dev.OrderAsync(merchant, order.OrderId);
        Assert.Equal(OrderStatus.Shipped, after.Status);
        Assert.Single(after.Timeline, e => e.Kind == TimelineEntryKind.TrackingEvent && e.TrackingNumber == tracking);
        var shipped = Assert.Single(await Dev.MessagesAsync(merchant, order.OrderId), m => m.Intent == Intent.Shipped && m.Channel == Channel.Email);
        Assert.Equal(HostApp.Start.AddHours(2), shipped.SentAt);
    }

    [Fact]
    public async Task ReceiveCarrierWebhook_SignedButMalformed_LogsTheProviderEventId()
    {
        var logs = new FakeLogCollector();
        await using var app = new HostApp(azurite.ConnectionString, services: s => s.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs))));
        var call = CarrierPayloads.Sign("aftership", """{"event":"tracking_update","event_id":"94dadd60-ed26-46d0-aa52-3ced925a50ff","msg":{"tag":"Delivered"}}""");

        var response = await app.Anonymous().SendAsync(call.ToRequest());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(logs.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains("94dadd60-ed26-46d0-aa52-3ced925a50ff", StringComparison.Ordinal));
    }

    private async Task<(string OrderId, string Tracking)> PlaceShippedOrderAsync()
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).WithShipment("postnl", tracking).Build();
        var response = await _app.Merchant().PostAsync("/api/orders", Json.Intake(order));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await Dev.DrainAsync(_app);
        return (order.OrderId, tracking);
    }
}
