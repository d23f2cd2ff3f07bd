using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;
using PostPurchase.Infrastructure.Configuration;

using PostPurchase.Web.Api;

namespace PostPurchase.Web.Webhooks;

/// <summary>
/// The HTTP side of the Twilio webhooks, shared by both runtimes: check X-Twilio-Signature (401 and
/// nothing done when it fails), then hand the form to the status or inbound handler.
/// </summary>
internal static partial class TwilioWebhookHttp
{
    /// <summary>The header Twilio signs its requests with.</summary>
    public const string SignatureHeader = "X-Twilio-Signature";

    /// <summary><c>POST /api/webhooks/twilio/status?key={message key}</c>: a delivery status callback.</summary>
    public static async Task<IResult> StatusAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (form, refusal) = await VerifyAsync(context, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        var handler = context.RequestServices.GetRequiredService<TwilioStatusCallbackHandler>();
        var result = await handler.HandleAsync(context.Request.Query["key"].FirstOrDefault(), form!, cancellationToken).ConfigureAwait(false);
        return result.Kind == WebhookResultKind.Invalid
            ? TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid Twilio status callback")
            : TypedResults.Ok();
    }

    /// <summary><c>POST /api/webhooks/twilio/inbound</c>: a text from a buyer; answers with TwiML.</summary>
    public static async Task<IResult> InboundAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (form, refusal) = await VerifyAsync(context, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }
        var handler = context.RequestServices.GetRequiredService<TwilioInboundHandler>();
        var result = await handler.HandleAsync(form!, cancellationToken).ConfigureAwait(false);
        return result.Kind == WebhookResultKind.Invalid
            ? TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status400BadRequest, title: "Invalid Twilio inbound message")
            : TypedResults.Content(result.TwiML ?? TwilioInboundHandler.TwiML(null), "text/xml; charset=utf-8");
    }

    private static async Task<(TwilioForm? Form, IResult? Refusal)> VerifyAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var services = context.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TwilioWebhookHttp));
        var settings = services.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;
        var request = context.Request;
        if (string.IsNullOrEmpty(settings.Twilio.AuthToken))
        {
            LogNotConfigured(logger, request.Path);
            return (null, Unauthorized("Twilio webhooks are refused: PostPurchase__Twilio__AuthToken is not set, so no signature can be checked."));
        }
        var signature = request.Headers[SignatureHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(signature))
        {
            return (null, Unauthorized($"The {SignatureHeader} header is missing."));
        }
        if (!request.HasFormContentType)
        {
            return (null, Unauthorized("A Twilio webhook is form-encoded; this request is not, so its signature cannot be checked."));
        }
        if (await RequestForm.ReadAsync(request, cancellationToken).ConfigureAwait(false) is not { } collection)
        {
            return (null, Unauthorized("The form could not be read, so its signature cannot be checked."));
        }
        var fields = collection.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var valid = false;
        foreach (var url in CandidateUrls(request, settings.PublicBaseUrl))
        {
            valid |= TwilioSignatureValidator.IsValid(settings.Twilio.AuthToken, signature, url, fields);
        }
        if (!valid)
        {
            LogBadSignature(logger, request.Path);
            return (null, Unauthorized($"The {SignatureHeader} does not match this request."));
        }
        return (new TwilioForm(fields), null);
    }

    /// <summary>The URL Twilio called: as configured (<c>PublicBaseUrl</c>, right behind TLS-terminating proxies) and as this server saw it. The raw query is kept, never re-encoded.</summary>
    internal static IEnumerable<string> CandidateUrls(HttpRequest request, string publicBaseUrl)
    {
        var pathAndQuery = $"{request.Path.ToUriComponent()}{request.QueryString.ToUriComponent()}";
        var configured = $"{publicBaseUrl.TrimEnd('/')}{pathAndQuery}";
        var seen = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}{pathAndQuery}";
        return configured == seen ? [configured] : [configured, seen];
    }

    private static IResult Unauthorized(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Twilio signature check failed");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio webhook {Path} refused: no Twilio auth token is configured")]
    private static partial void LogNotConfigured(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio webhook {Path} refused: bad signature")]
    private static partial void LogBadSignature(ILogger logger, string path);
}
