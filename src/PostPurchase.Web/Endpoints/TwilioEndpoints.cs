namespace PostPurchase.Web.Endpoints;

/// <summary>Twilio's webhooks: delivery status callbacks and inbound texts (STOP/START/HELP and replies).</summary>
public static class TwilioEndpoints
{
    /// <summary>Maps <c>POST /api/webhooks/twilio/status</c> and <c>POST /api/webhooks/twilio/inbound</c>; both check X-Twilio-Signature.</summary>
    public static IEndpointRouteBuilder MapTwilioWebhooks(this IEndpointRouteBuilder app)
    {
        var twilio = app.MapGroup("/api/webhooks/twilio").WithTags("Twilio webhooks");
        twilio.MapPost("/status", Task<IResult> (HttpContext context) => WebhookHandlers.TwilioStatusAsync(context)).WithName("TwilioStatusCallback");
        twilio.MapPost("/inbound", Task<IResult> (HttpContext context) => WebhookHandlers.TwilioInboundAsync(context)).WithName("TwilioInbound");
        return app;
    }
}
