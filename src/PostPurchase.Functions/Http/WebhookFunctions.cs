using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Web.Api;
using PostPurchase.Web.Endpoints;

namespace PostPurchase.Functions.Http;

/// <summary>Webhooks in: carriers and aggregators, Twilio inbound texts and status callbacks, ACS delivery reports; each checks the provider's own signature (shared <see cref="WebhookHandlers"/>).</summary>
public sealed class WebhookFunctions
{
    /// <summary>POST /api/webhooks/carriers/{provider}: verify, normalise, dedupe, route to the order (or park until its parcel is registered).</summary>
    [Function(nameof(CarrierWebhook))]
    public Task<IActionResult> CarrierWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/carriers/{provider}")] HttpRequest request,
        string provider, [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, http => WebhookHandlers.ReceiveCarrierWebhookAsync(http, provider));

    /// <summary>POST /api/webhooks/twilio/inbound: STOP/START/HELP and replies; answers with TwiML.</summary>
    [Function(nameof(TwilioInbound))]
    public Task<IActionResult> TwilioInbound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/twilio/inbound")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, WebhookHandlers.TwilioInboundAsync);

    /// <summary>POST /api/webhooks/acs/events: ACS Email delivery reports through Event Grid (key checked, validation handshake answered).</summary>
    [Function(nameof(AcsEvents))]
    public Task<IActionResult> AcsEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/acs/events")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, AcsEventsApi.ReceiveAsync);

    /// <summary>POST /api/webhooks/twilio/status: delivery status callbacks for the messages sent.</summary>
    [Function(nameof(TwilioStatus))]
    public Task<IActionResult> TwilioStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/twilio/status")] HttpRequest request,
        [DurableClient] DurableTaskClient client, FunctionContext context) =>
        WebHandler.RunAsync(request, client, context, WebhookHandlers.TwilioStatusAsync);
}
