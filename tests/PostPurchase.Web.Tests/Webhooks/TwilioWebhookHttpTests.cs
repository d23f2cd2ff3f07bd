using System.Net;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Webhooks;

public sealed class TwilioWebhookHttpTests
{
    private const string Phone = "+31612345678";
    private static readonly string Key = MessageKey.For("PP-7", Intent.OutForDelivery, Channel.Sms, "3SPP0000000007");

    private static KeyValuePair<string, string> F(string name, string value) => new(name, value);

    private static List<KeyValuePair<string, string>> Inbound(string from, string body) =>
        [F("MessageSid", "SM1"), F("AccountSid", "ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"), F("From", from), F("To", "+3197010000000"), F("Body", body), F("NumMedia", "0")];

    [Fact]
    public async Task Status_SignedCallback_RaisesTheStatusToTheOrder()
    {
        await using var server = await TwilioWebhookServer.StartAsync(new RecordingWorkflows("PP-7"));
        var form = new List<KeyValuePair<string, string>> { F("MessageSid", "SM9"), F("MessageStatus", "undelivered"), F("ErrorCode", "30003"), F("To", Phone) };

        using var response = await server.PostAsync($"/api/webhooks/twilio/status?key={Uri.EscapeDataString(Key)}", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (orderId, input) = Assert.Single(server.Workflows.Raised);
        Assert.Equal("PP-7", orderId);
        var changed = Assert.IsType<MessageStatusChanged>(input);
        Assert.Equal((Key, MessageStatus.Failed, "SM9"), (changed.MessageKey, changed.Status, changed.ProviderMessageId));
        Assert.Contains("30003", changed.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public async Task Status_MissingOrBadSignature_Returns401AndDoesNothing(string signature)
    {
        await using var server = await TwilioWebhookServer.StartAsync(new RecordingWorkflows("PP-7"));

        using var response = await server.PostAsync($"/api/webhooks/twilio/status?key={Uri.EscapeDataString(Key)}", [F("MessageSid", "SM9"), F("MessageStatus", "delivered")], signature: signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Workflows.Raised);
    }

    [Fact]
    public async Task Status_SignedWithAnotherToken_Returns401()
    {
        await using var server = await TwilioWebhookServer.StartAsync(new RecordingWorkflows("PP-7"));

        using var response = await server.PostAsync($"/api/webhooks/twilio/status?key={Uri.EscapeDataString(Key)}", [F("MessageStatus", "delivered")], token: "another-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(server.Workflows.Raised);
    }

    [Fact]
    public async Task Status_BehindAProxy_ValidatesAgainstThePublicUrl()
    {
        await using var server = await TwilioWebhookServer.StartAsync(new RecordingWorkflows("PP-7"), publicBaseUrl: "https://track.shop.example");
        var path = $"/api/webhooks/twilio/status?key={Uri.EscapeDataString(Key)}";

        using var response = await server.PostAsync(path, [F("MessageSid", "SM9"), F("MessageStatus", "delivered")], signedUrl: "https://track.shop.example" + path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(server.Workflows.Raised);
    }

    [Fact]
    public async Task Status_SignedWithoutKey_Returns400()
    {
        await using var server = await TwilioWebhookServer.StartAsync(new RecordingWorkflows("PP-7"));

        using var response = await server.PostAsync("/api/webhooks/twilio/status", [F("MessageStatus", "delivered")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(server.Workflows.Raised);
    }

    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData(" Unsubscribe ")]
    [InlineData("OPTOUT")]
    public async Task Inbound_StopKeyword_RevokesSmsConsentOnEveryOrderOfTheNumber(string body)
    {
        var workflows = new RecordingWorkflows("PP-1", "PP-2");
        workflows.OrdersByPhone[Phone] = ["PP-1", "PP-2"];
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", Inbound(Phone, body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["PP-1", "PP-2"], workflows.Raised.Select(r => r.OrderId));
        Assert.All(workflows.Raised, r => Assert.Equal(new ConsentChanged("sms", false, "sms-keyword"), r.Input));
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Inbound_WhatsAppStart_GrantsWhatsAppConsentAgain()
    {
        var workflows = new RecordingWorkflows("PP-3");
        workflows.OrdersByPhone[Phone] = ["PP-3"];
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", Inbound($"whatsapp:{Phone}", "START"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new ConsentChanged("whatsapp", true, "sms-keyword"), Assert.Single(workflows.Raised).Input);
    }

    [Fact]
    public async Task Inbound_Help_AnswersWithTheSupportContactInTwiML()
    {
        var workflows = new RecordingWorkflows("PP-4");
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", Inbound(Phone, "help"));
        var twiml = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/xml", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains("<Message>Zeeman &amp; Zonen: for help with your order write to help@shop.example or call +31201234567.", twiml, StringComparison.Ordinal);
        Assert.Empty(workflows.Raised);
    }

    [Fact]
    public async Task Inbound_OtherText_RaisesTheReplyOnEveryOrderOfTheNumberAndChangesNoConsent()
    {
        var workflows = new RecordingWorkflows("PP-5", "PP-8");
        workflows.OrdersByPhone[Phone] = ["PP-5", "PP-8", "PP-GONE"];
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", Inbound(Phone, "STOP please, wrong address"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>", await response.Content.ReadAsStringAsync());
        Assert.Equal(["PP-5", "PP-8"], workflows.Raised.Select(r => r.OrderId));
        Assert.All(workflows.Raised, r => Assert.Equal(new CustomerReplied("sms", "STOP please, wrong address", "SM1"), r.Input));
    }

    [Fact]
    public async Task Inbound_WhatsAppText_RaisesAWhatsAppReplyForTheNumberWithoutPrefix()
    {
        var workflows = new RecordingWorkflows("PP-9");
        workflows.OrdersByPhone[Phone] = ["PP-9"];
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", Inbound($"whatsapp:{Phone}", "Kan het pakket bij de buren?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("PP-9", new CustomerReplied("whatsapp", "Kan het pakket bij de buren?", "SM1")), Assert.Single(workflows.Raised));
    }

    [Fact]
    public async Task Inbound_TextFromAnUnknownNumber_AnsweredWithoutRaisingAnything()
    {
        var workflows = new RecordingWorkflows("PP-10");
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", Inbound("+4915112345678", "Hello?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(workflows.Raised);
    }

    [Fact]
    public async Task Inbound_TextWithoutFrom_Returns400()
    {
        var workflows = new RecordingWorkflows("PP-11");
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", [F("MessageSid", "SM2"), F("Body", "Hi")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(workflows.Raised);
    }

    [Fact]
    public async Task Inbound_BadSignature_Returns401AndChangesNothing()
    {
        var workflows = new RecordingWorkflows("PP-6");
        workflows.OrdersByPhone[Phone] = ["PP-6"];
        await using var server = await TwilioWebhookServer.StartAsync(workflows);

        using var response = await server.PostAsync("/api/webhooks/twilio/inbound", Inbound(Phone, "STOP"), signedUrl: "https://elsewhere.example/api/webhooks/twilio/inbound");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(workflows.Raised);
    }
}
