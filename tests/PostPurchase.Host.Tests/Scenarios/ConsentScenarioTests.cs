using System.Net;
using System.Text;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Web.Api;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Scenarios;

/// <summary>Consent and replies end to end: signed Twilio inbound texts, carrier webhooks and texts sent through a stand-in Twilio API.</summary>
[Collection(HostCollection.Name)]
public sealed class ConsentScenarioTests(AzuriteServer azurite)
{
    private const string Phone = "+31612345678";
    private static readonly DateTimeOffset T0 = HostApp.Start;

    [Fact]
    public async Task Timeline_StopThenOutForDeliveryThenStart_NoTextWhileStoppedAndTheNextOneGoesOut()
    {
        using var twilio = new TwilioApi();
        await using var app = new HostApp(azurite.ConnectionString, settings: twilio.Settings);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        Assert.Equal(HttpStatusCode.Accepted, (await merchant.PostAsync("/api/orders", Json.Intake(order))).StatusCode);
        await Dev.DrainAsync(app);

        await Dev.AdvanceAsync(app, "PT1H");                                          // Mon 10:00 Amsterdam
        var stop = await InboundAsync(app, "STOP", "SMin0001");
        await ScanAsync(app, tracking, TrackingStatus.OutForDelivery, T0.AddHours(1));
        var whileStopped = await Dev.MessagesAsync(merchant, order.OrderId);
        var requestsWhileStopped = twilio.Received.Count;
        await Dev.AdvanceAsync(app, "PT1H");                                          // Mon 11:00
        var start = await InboundAsync(app, "START", "SMin0002");
        await Dev.AdvanceAsync(app, "PT3H");                                          // Mon 14:00
        await ScanAsync(app, tracking, TrackingStatus.Delivered, T0.AddHours(5));

        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", stop);
        Assert.Equal(stop, start);
        Assert.Equal(0, requestsWhileStopped);
        Assert.DoesNotContain(whileStopped, m => m.Channel == Channel.Sms && m.Status != MessageStatus.Suppressed);
        var suppressed = Assert.Single(whileStopped, m => m.Intent == Intent.OutForDelivery && m.Channel == Channel.Sms);
        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.OptedOut), (suppressed.Status, suppressed.Reason));
        Assert.Contains(whileStopped, m => m.Intent == Intent.OutForDelivery && m.Channel == Channel.Email && m.Status == MessageStatus.Sent);

        var messages = await Dev.MessagesAsync(merchant, order.OrderId);
        var delivered = Assert.Single(messages, m => m.Intent == Intent.Delivered && m.Channel == Channel.Sms);
        Assert.Equal((MessageStatus.Sent, (DateTimeOffset?)T0.AddHours(5)), (delivered.Status, delivered.SentAt));
        var (path, authorization, form) = Assert.Single(twilio.Received);
        Assert.Equal(TwilioApi.MessagesPath, path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TwilioApi.AccountSid}:{TwilioApi.AuthToken}")), authorization);
        Assert.Equal((Phone, TwilioApi.From, delivered.Body), (form["To"], form["From"], form["Body"]));
        Assert.Equal($"https://shop.example/api/webhooks/twilio/status?key={Uri.EscapeDataString(delivered.Key)}", form["StatusCallback"]);
        Assert.Empty((await Dev.OrderAsync(merchant, order.OrderId)).Replies);

        // Twilio reports delivery to the callback it was given (behind the public address); the message moves on.
        var callback = new Uri(form["StatusCallback"]);
        using var status = TwilioApi.Signed(new Uri(app.Anonymous().BaseAddress!, callback.PathAndQuery), callback.ToString(),
            [new("MessageSid", "SMaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), new("MessageStatus", "delivered"), new("To", Phone)]);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().SendAsync(status)).StatusCode);
        await Dev.DrainAsync(app);
        Assert.Equal(MessageStatus.Delivered, Assert.Single(await Dev.MessagesAsync(merchant, order.OrderId), m => m.Key == delivered.Key).Status);
    }

    [Fact]
    public async Task Inbound_FreeTextTwiceFromTheBuyer_ShownOnceOnTheOrderAndChangesNoConsent()
    {
        using var twilio = new TwilioApi();
        await using var app = new HostApp(azurite.ConnectionString, settings: twilio.Settings);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.AdvanceAsync(app, "PT30M");

        await InboundAsync(app, "Kunt u het bij de buren afgeven?", "SMin0003");
        await InboundAsync(app, "Kunt u het bij de buren afgeven?", "SMin0003");   // Twilio retried the webhook
        await Dev.AdvanceAsync(app, "PT30M");
        await ScanAsync(app, tracking, TrackingStatus.InTransit, T0.AddHours(1));

        var reply = Assert.Single((await Dev.OrderAsync(merchant, order.OrderId)).Replies);
        Assert.Equal(new CustomerReply(Channel.Sms, "Kunt u het bij de buren afgeven?", T0.AddMinutes(30), "SMin0003"), reply);
        var shipped = Assert.Single(await Dev.MessagesAsync(merchant, order.OrderId), m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms);
        Assert.Equal(MessageStatus.Sent, shipped.Status);
        Assert.Single(twilio.Received);
    }

    [Fact]
    public async Task Inbound_SignedForAnotherUrl_Returns401AndKeepsConsent()
    {
        using var twilio = new TwilioApi();
        await using var app = new HostApp(azurite.ConnectionString, settings: twilio.Settings);
        var merchant = app.Merchant();
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(T0).WithShipment("postnl", tracking).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.DrainAsync(app);

        using var forged = TwilioApi.Inbound(new Uri("https://elsewhere.example/api/webhooks/twilio/inbound"), Phone, "STOP", "SMin0004");
        forged.RequestUri = new Uri(app.Anonymous().BaseAddress!, "/api/webhooks/twilio/inbound");
        var response = await app.Anonymous().SendAsync(forged);
        await ScanAsync(app, tracking, TrackingStatus.InTransit, T0);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(await Dev.MessagesAsync(merchant, order.OrderId), m => m.Intent == Intent.Shipped && m.Channel == Channel.Sms && m.Status == MessageStatus.Sent);
    }

    /// <summary>Posts a signed inbound text from the buyer to the URL the Host itself serves, runs what is due and returns the TwiML answer.</summary>
    private static async Task<string> InboundAsync(HostApp app, string body, string messageSid)
    {
        var client = app.Anonymous();
        using var request = TwilioApi.Inbound(new Uri(client.BaseAddress!, "/api/webhooks/twilio/inbound"), Phone, body, messageSid);
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var twiml = await response.Content.ReadAsStringAsync();
        await Dev.DrainAsync(app);
        return twiml;
    }

    private static async Task ScanAsync(HostApp app, string tracking, TrackingStatus status, DateTimeOffset at)
    {
        var response = await app.Anonymous().SendAsync(CarrierPayloads.Build("aftership", tracking, status, at, Some.EventId()).ToRequest());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await Json.ReadAsync<WebhookReceipt>(response)).Routed);
        await Dev.DrainAsync(app);
    }
}
