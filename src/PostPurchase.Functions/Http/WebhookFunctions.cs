using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Functions.Workflows;
using PostPurchase.Web.Api;
using PostPurchase.Web.Webhooks;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Http;

/// <summary>Webhooks in: carriers and aggregators, Twilio inbound texts and status callbacks. Each checks the provider's own signature (shared handlers).</summary>
public sealed class WebhookFunctions(IOptionsSnapshot<PostPurchaseOptions> settings, ITrackingIngress ingress, ILoggerFactory loggers)
{
    /// <summary>POST /api/webhooks/carriers/{provider}: verify, normalise, dedupe, route to the order (or park until its parcel is registered).</summary>
    [Function(nameof(CarrierWebhook))]
    public async Task<IActionResult> CarrierWebhook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/carriers/{provider}")] HttpRequest request,
        string provider,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        DurableClientScope.Attach(context, client, request.HttpContext);
        return HttpResultAction.From(await CarrierWebhookApi.ReceiveAsync(
            provider, request, settings, ingress, loggers, context.CancellationToken));
    }

    /// <summary>POST /api/webhooks/twilio/inbound: STOP/START/HELP and replies; answers with TwiML.</summary>
    [Function(nameof(TwilioInbound))]
    public async Task<IActionResult> TwilioInbound(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/twilio/inbound")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        DurableClientScope.Attach(context, client, request.HttpContext);
        return HttpResultAction.From(await TwilioWebhookHttp.InboundAsync(request.HttpContext, context.CancellationToken));
    }

    /// <summary>POST /api/webhooks/twilio/status: delivery status callbacks for the messages sent.</summary>
    [Function(nameof(TwilioStatus))]
    public async Task<IActionResult> TwilioStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/webhooks/twilio/status")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        DurableClientScope.Attach(context, client, request.HttpContext);
        return HttpResultAction.From(await TwilioWebhookHttp.StatusAsync(request.HttpContext, context.CancellationToken));
    }
}
