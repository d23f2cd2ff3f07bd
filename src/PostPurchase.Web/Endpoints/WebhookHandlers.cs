using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Api;
using PostPurchase.Web.Webhooks;

namespace PostPurchase.Web.Endpoints;

/// <summary>Webhooks in, each authenticated by its provider's signature: carriers and aggregators, Twilio; both runtimes route to these handlers.</summary>
public static class WebhookHandlers
{
    /// <summary>POST /api/webhooks/carriers/{provider}: verify, normalise, dedupe, route to the order (or park until its parcel is registered).</summary>
    public static async Task<IResult> ReceiveCarrierWebhookAsync(HttpContext context, string provider)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        return await CarrierWebhookApi.ReceiveAsync(
            provider, context.Request, services.GetRequiredService<IOptionsSnapshot<PostPurchaseOptions>>(),
            services.GetRequiredService<ITrackingIngress>(), services.GetRequiredService<ILoggerFactory>(), context.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>POST /api/webhooks/twilio/status?key=...: a delivery status callback, checked against X-Twilio-Signature.</summary>
    public static Task<IResult> TwilioStatusAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TwilioWebhookHttp.StatusAsync(context, context.RequestAborted);
    }

    /// <summary>POST /api/webhooks/twilio/inbound: STOP/START/HELP and replies, checked against X-Twilio-Signature; answers with TwiML.</summary>
    public static Task<IResult> TwilioInboundAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TwilioWebhookHttp.InboundAsync(context, context.RequestAborted);
    }
}
