using System.Net;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Timeline;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Endpoints;

/// <summary>ACS Email delivery reports through Event Grid at POST /api/webhooks/acs/events.</summary>
[Collection(HostCollection.Name)]
public sealed class AcsEventsEndpointTests(AzuriteServer azurite)
{
    private const string Key = "event-grid-test-key-9c2f";
    private static readonly Dictionary<string, string> Settings = new() { ["PostPurchase:Email:EventGridKey"] = Key };

    [Fact]
    public async Task ReceiveAcsEvents_SubscriptionValidation_AnswersTheValidationCode()
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Settings);

        var response = await app.Anonymous().PostAsync($"/api/webhooks/acs/events?key={Key}", Json.Body("""
            [{"id":"2d1781af-3a4c","topic":"/subscriptions/x","subject":"","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"},
              "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-03-02T08:00:00Z","metadataVersion":"1","dataVersion":"1"}]
            """));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", (await Json.ReadAsync(response))["validationResponse"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("?key=wrong-key")]
    [InlineData("")]
    public async Task ReceiveAcsEvents_MissingOrWrongKey_Returns401AndChangesNothing(string query)
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Settings);
        var (orderId, key) = await EmailSentAsync(app, "op-forged");

        var response = await app.Anonymous().PostAsync($"/api/webhooks/acs/events{query}", Json.Body(Report("op-forged", "Delivered")));
        await Dev.DrainAsync(app);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(MessageStatus.Sent, (await Dev.MessagesAsync(app.Merchant(), orderId)).Single(m => m.Key == key).Status);
    }

    [Fact]
    public async Task ReceiveAcsEvents_DeliveredThenBouncedReplayed_MessageDeliveredAndStaysDelivered()
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Settings);
        var (orderId, key) = await EmailSentAsync(app, "op-1");
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("x-postpurchase-key", Key);

        var delivered = await client.PostAsync("/api/webhooks/acs/events", Json.Body(Report("op-1", "Delivered")));
        var late = await client.PostAsync("/api/webhooks/acs/events", Json.Body(Report("op-1", "Bounced")));
        await Dev.DrainAsync(app);

        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var message = (await Dev.MessagesAsync(app.Merchant(), orderId)).Single(m => m.Key == key);
        Assert.Equal(MessageStatus.Delivered, message.Status);
    }

    [Fact]
    public async Task ReceiveAcsEvents_Bounced_MessageFailedWithTheReason()
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Settings);
        var (orderId, key) = await EmailSentAsync(app, "op-2");

        var response = await app.Anonymous().PostAsync($"/api/webhooks/acs/events?key={Key}", Json.Body(Report("op-2", "Bounced")));
        await Dev.DrainAsync(app);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = (await Dev.MessagesAsync(app.Merchant(), orderId)).Single(m => m.Key == key);
        Assert.Equal(MessageStatus.Failed, message.Status);
    }

    [Fact]
    public async Task ReceiveAcsEvents_EngagementViewAfterDelivery_MessageOpenedOnceAndStaysDelivered()
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Settings);
        var (orderId, key) = await EmailSentAsync(app, "op-3");
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("x-postpurchase-key", Key);

        await client.PostAsync("/api/webhooks/acs/events", Json.Body(Report("op-3", "Delivered")));
        var view = await client.PostAsync("/api/webhooks/acs/events", Json.Body(Engagement("op-3", "view")));
        await Dev.DrainAsync(app);
        var first = (await Dev.MessagesAsync(app.Merchant(), orderId)).Single(m => m.Key == key);
        await client.PostAsync("/api/webhooks/acs/events", Json.Body(Engagement("op-3", "click")));
        await Dev.DrainAsync(app);
        var second = (await Dev.MessagesAsync(app.Merchant(), orderId)).Single(m => m.Key == key);

        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        Assert.Equal(MessageStatus.Delivered, second.Status);
        Assert.NotNull(first.OpenedAt);
        Assert.Equal(first.OpenedAt, second.OpenedAt);
    }

    [Theory]
    [InlineData("{\"not\":\"an array\"}")]
    [InlineData("[{\"eventType\":\"Microsoft.Communication.EmailDeliveryReportReceived\",\"data\":{}}]")]
    [InlineData("[1,2,3]")]
    [InlineData("not json")]
    public async Task ReceiveAcsEvents_NotAnEventGridBody_Returns400(string body)
    {
        await using var app = new HostApp(azurite.ConnectionString, settings: Settings);

        var response = await app.Anonymous().PostAsync($"/api/webhooks/acs/events?key={Key}", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>An order whose confirmation went out (outbox sender), with <paramref name="operationId"/> standing for it as ACS would.</summary>
    private static async Task<(string OrderId, string Key)> EmailSentAsync(HostApp app, string operationId)
    {
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();
        await app.Merchant().PostAsync("/api/orders", Json.Intake(order));
        await Dev.DrainAsync(app);
        var key = MessageKey.For(order.OrderId, Intent.OrderConfirmation, Channel.Email);
        await app.Services.GetRequiredService<IProviderMessageIndex>().RememberAsync("acs", operationId, order.OrderId, key, CancellationToken.None);
        return (order.OrderId, key);
    }

    private static string Engagement(string operationId, string engagement) => $$"""
        [{"id":"{{Guid.NewGuid()}}","topic":"/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/CommunicationServices/c",
          "subject":"sender/DoNotReply@shop.example/message/{{operationId}}","eventType":"Microsoft.Communication.EmailEngagementTrackingReportReceived",
          "data":{"sender":"DoNotReply@shop.example","recipient":"anna@example.com","messageId":"{{operationId}}","userActionTimeStamp":"2026-03-02T09:14:00Z",
                  "engagementContext":"","userAgent":"Mozilla/5.0","engagement":"{{engagement}}"},
          "dataVersion":"1.0","metadataVersion":"1","eventTime":"2026-03-02T09:14:01Z"}]
        """;

    private static string Report(string operationId, string status) => $$"""
        [{"id":"{{Guid.NewGuid()}}","topic":"/subscriptions/s/resourceGroups/g/providers/Microsoft.Communication/CommunicationServices/c",
          "subject":"sender/DoNotReply@shop.example/message/{{operationId}}","eventType":"Microsoft.Communication.EmailDeliveryReportReceived",
          "data":{"sender":"DoNotReply@shop.example","recipient":"anna@example.com","messageId":"{{operationId}}","status":"{{status}}",
                  "deliveryStatusDetails":{"statusMessage":"{{status}} by the receiving server"},"deliveryAttemptTimeStamp":"2026-03-02T08:00:05Z"},
          "dataVersion":"1.0","metadataVersion":"1","eventTime":"2026-03-02T08:00:06Z"}]
        """;
}
