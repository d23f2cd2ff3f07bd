using PostPurchase.Web.Webhooks;

namespace PostPurchase.Web.Endpoints;

/// <summary>Twilio's webhooks: delivery status callbacks and inbound texts (STOP/START/HELP and replies).</summary>
public static class TwilioEndpoints
{
    /// <summary>Maps <c>POST /api/webhooks/twilio/status</c> and <c>POST /api/webhooks/twilio/inbound</c>; both check X-Twilio-Signature.</summary>
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/api/webhooks/twilio").WithTags("Twilio webhooks");
        twilio.MapPost("/status", TwilioWebhookHttp.StatusAsync).WithName("TwilioStatusCallback");
        twilio.MapPost("/inbound", TwilioWebhookHttp.InboundAsync).WithName("TwilioInbound");
        return app;
    }
}
