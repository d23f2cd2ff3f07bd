using System.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;

/// <summary>
/// Handles a verified inbound SMS/WhatsApp: STOP-like keywords revoke consent for that channel on every
/// order of the number, START-like ones restore it, HELP is answered with the merchant's support contact,
/// anything else is a customer reply.
/// </summary>
internal sealed partial class TwilioInboundHandler(
    IOrderDirectory directory,
    IOrderWorkflows workflows,
    IOptions<PostPurchaseOptions> options,
    ILogger<TwilioInboundHandler> logger)
{
    /// <summary>The consent source recorded for keyword changes.</summary>
    public const string KeywordSource = "sms-keyword";

    private const string WhatsAppPrefix = "whatsapp:";

    /// <summary>Applies the inbound message; the result's TwiML is the reply (an empty Response when none).</summary>
    public async Task<WebhookResult> HandleAsync(TwilioForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var from = form["From"];
        if (string.IsNullOrWhiteSpace(from))
        {
            return WebhookResult.Invalid("The inbound message has no From.");
        }
        var whatsApp = from.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase);
        var phone = whatsApp ? from[WhatsAppPrefix.Length..] : from;
        var subject = whatsApp ? "whatsapp" : "sms";
        var kind = TwilioKeywords.Classify(form["Body"], form["OptOutType"]);
        if (kind == InboundKind.Help)
        {
            return WebhookResult.Ignored("help", TwiML(HelpText()));
        }
        var orders = await directory.FindByPhoneAsync(phone, cancellationToken).ConfigureAwait(false);
        if (kind == InboundKind.Reply)
        {
            // The timeline has no input for a buyer's free text yet; it is logged so it is not lost.
            LogReply(subject, orders.Count, form["MessageSid"]);
            return WebhookResult.Applied(orders, "customer-reply", TwiML(null));
        }
        var granted = kind == InboundKind.OptIn;
        var raised = new List<string>();
        foreach (var orderId in orders)
        {
            if (await workflows.RaiseAsync(orderId, new ConsentChanged(subject, granted, KeywordSource), cancellationToken).ConfigureAwait(false))
            {
                raised.Add(orderId);
            }
        }
        LogConsent(subject, granted, raised.Count);
        return WebhookResult.Applied(raised, granted ? "opt-in" : "opt-out", TwiML(null));
    }

    private string HelpText()
    {
        var branding = options.Value.Branding;
        var phone = string.IsNullOrWhiteSpace(branding.SupportPhone) ? "" : $" or call {branding.SupportPhone}";
        return $"{branding.ShopName}: for help with your order write to {branding.SupportEmail}{phone}. Reply STOP to stop these messages.";
    }

    /// <summary>A TwiML Response, with one Message when <paramref name="reply"/> is set.</summary>
    internal static string TwiML(string? reply) => reply is null
        ? "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"
        : $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>{SecurityElement.Escape(reply)}</Message></Response>";

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound {Channel} reply {MessageSid} from a buyer with {Orders} order(s) kept as a customer reply")]
    private partial void LogReply(string channel, int orders, string? messageSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound {Channel} keyword: consent granted={Granted} on {Orders} order(s)")]
    private partial void LogConsent(string channel, bool granted, int orders);
}
