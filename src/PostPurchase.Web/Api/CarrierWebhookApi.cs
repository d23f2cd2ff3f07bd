using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Carriers;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Api;

/// <summary>POST /api/webhooks/carriers/{provider}: verify the provider's signature over the raw body, normalise, hand to the ingress.</summary>
public static partial class CarrierWebhookApi
{
    /// <summary>The logger category of carrier webhooks.</summary>
    public const string LogCategory = "PostPurchase.Webhooks.Carriers";

    /// <summary>200 for routed, parked and duplicate events alike; 401 with nothing stored when the signature is bad; 400 for a signed but malformed body.</summary>
    public static async Task<Results<Ok<WebhookReceipt>, ProblemHttpResult>> ReceiveAsync(
        string provider,
        HttpRequest request,
        IOptionsSnapshot<PostPurchaseOptions> options,
        ITrackingIngress ingress,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(ingress);
        ArgumentNullException.ThrowIfNull(loggers);
        var log = loggers.CreateLogger(LogCategory);
        var webhook = CarrierWebhooks.Find(provider);
        if (webhook is null)
        {
            return ApiProblems.Problem(StatusCodes.Status404NotFound, "Unknown carrier provider",
                $"'{provider}' is not a supported provider; use one of: {string.Join(", ", CarrierWebhooks.Providers)}.");
        }
        var body = await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return ApiProblems.TooLarge();
        }
        var incoming = new CarrierWebhookRequest(body, Headers(request), new Uri(request.GetEncodedUrl()));
        var secret = options.Value.Carriers.GetValueOrDefault(webhook.Provider)?.Secret;
        if (string.IsNullOrEmpty(secret))
        {
            LogNoSecret(log, webhook.Provider);
            return BadSignature();
        }
        if (!webhook.Verify(incoming, secret))
        {
            LogBadSignature(log, webhook.Provider);
            return BadSignature();
        }
        IReadOnlyList<Core.Tracking.TrackingEvent> events;
        try
        {
            events = webhook.Parse(incoming);
        }
        catch (CarrierPayloadException ex)
        {
            LogMalformed(log, webhook.Provider, ex.ProviderEventId ?? "(none)", ex.Message);
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "Malformed webhook payload", ex.Message);
        }
        if (Admission.Refuse(request) is { } busy)
        {
            return busy; // carriers retry a 503 with backoff; nothing was stored
        }
        var outcomes = await ingress.AcceptAsync(events, cancellationToken).ConfigureAwait(false);
        var receipt = new WebhookReceipt(
            webhook.Provider,
            outcomes.Count(o => o.Result == IngressResult.Routed),
            outcomes.Count(o => o.Result == IngressResult.Parked),
            outcomes.Count(o => o.Result == IngressResult.Duplicate));
        LogAccepted(log, webhook.Provider, events.Count, receipt.Routed, receipt.Parked, receipt.Duplicates);
        return TypedResults.Ok(receipt);
    }

    private static ProblemHttpResult BadSignature() =>
        ApiProblems.Problem(StatusCodes.Status401Unauthorized, "Invalid webhook signature",
            "The request is not signed with this provider's configured webhook secret; nothing was stored.");

    private static Dictionary<string, string> Headers(HttpRequest request) =>
        request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier webhook from {Provider} refused: no webhook secret is configured (PostPurchase:Carriers:{Provider}:Secret)")]
    private static partial void LogNoSecret(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier webhook from {Provider} refused: missing or invalid signature")]
    private static partial void LogBadSignature(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Carrier webhook from {Provider} with event id {ProviderEventId} is malformed: {Problem}")]
    private static partial void LogMalformed(ILogger logger, string provider, string providerEventId, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Carrier webhook from {Provider}: {Events} events, {Routed} routed, {Parked} parked, {Duplicates} duplicates")]
    private static partial void LogAccepted(ILogger logger, string provider, int events, int routed, int parked, int duplicates);
}
