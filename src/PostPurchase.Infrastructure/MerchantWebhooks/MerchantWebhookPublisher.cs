using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>Signs and POSTs signals to the shop; every attempt is recorded in the delivery log before the next one is planned.</summary>
internal sealed partial class MerchantWebhookPublisher(
    HttpClient http,
    IWebhookDeliveryLog log,
    IOptions<MerchantWebhookOptions> options,
    TimeProvider time,
    ILogger<MerchantWebhookPublisher> logger,
    WebhookNudge? nudge = null) : IMerchantWebhooks
{
    private readonly MerchantWebhookOptions _options = options.Value;

    public Task<IReadOnlyList<WebhookDelivery>> PublishAsync(MerchantSignal signal, CancellationToken cancellationToken) =>
        LogAndSendAsync(signal, attemptNow: true, cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>> EnqueueAsync(MerchantSignal signal, CancellationToken cancellationToken)
    {
        var logged = await LogAndSendAsync(signal, attemptNow: false, cancellationToken);
        if (logged.Count > 0)
        {
            nudge?.Wake();
        }
        return logged;
    }

    private async Task<IReadOnlyList<WebhookDelivery>> LogAndSendAsync(MerchantSignal signal, bool attemptNow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var kind = WireName.Of(signal.Kind);
        var signalId = MerchantSignalId.Of(signal);
        var payload = JsonSerializer.Serialize(
            new { id = signalId, type = kind, orderId = signal.OrderId, occurredAt = signal.At, data = signal.Data }, CoreJson.Options);
        var results = new List<WebhookDelivery>();
        foreach (var endpoint in _options.Endpoints.Where(e => e.Events.Count == 0 || e.Events.Contains(kind, StringComparer.OrdinalIgnoreCase)))
        {
            // While this call makes the first attempt itself, the dispatcher leaves the row alone (lease); if the process dies, it takes over.
            var now = time.GetUtcNow();
            var delivery = new WebhookDelivery(
                DeliveryId(signalId, endpoint.Url), signalId, kind, signal.OrderId, endpoint.Url, payload,
                WebhookDeliveryStatus.Pending, 0, now, NextAttemptAt: attemptNow ? now + _options.Timeout + _options.Timeout : now);
            if (!await log.TryAddAsync(delivery, cancellationToken))
            {
                LogDuplicate(logger, signalId, endpoint.Url);
                continue;
            }
            results.Add(attemptNow ? await AttemptAsync(delivery, cancellationToken) : delivery);
        }
        return results;
    }

    public async Task<int> RetryDueAsync(CancellationToken cancellationToken)
    {
        var due = await log.ListDueAsync(time.GetUtcNow(), cancellationToken);
        foreach (var delivery in due)
        {
            await AttemptAsync(delivery, cancellationToken);
        }
        return due.Count;
    }

    public async Task<WebhookDelivery?> ReplayAsync(string deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await log.GetAsync(deliveryId, cancellationToken);
        return delivery is null ? null : await AttemptAsync(delivery, cancellationToken);
    }

    private async Task<WebhookDelivery> AttemptAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var attempt = delivery.Attempts + 1;
        var endpoint = _options.Endpoints.FirstOrDefault(e => e.Url == delivery.Url);
        var (statusCode, error) = endpoint is null
            ? (null, $"The endpoint {delivery.Url} is no longer configured.")
            : await PostAsync(endpoint, delivery, cancellationToken);
        var now = time.GetUtcNow();
        WebhookDelivery updated;
        if (error is null)
        {
            updated = delivery with { Status = WebhookDeliveryStatus.Delivered, Attempts = attempt, DeliveredAt = now, NextAttemptAt = null, LastStatusCode = statusCode, LastError = null };
        }
        else if (attempt < _options.MaxAttempts && endpoint is not null)
        {
            var wait = _options.FirstRetryAfter * Math.Pow(4, attempt - 1);
            updated = delivery with { Status = WebhookDeliveryStatus.Retrying, Attempts = attempt, NextAttemptAt = now + wait, LastStatusCode = statusCode, LastError = error };
            LogRetry(logger, delivery.Id, delivery.Kind, delivery.OrderId, attempt, error);
        }
        else
        {
            updated = delivery with { Status = WebhookDeliveryStatus.Failed, Attempts = attempt, NextAttemptAt = null, LastStatusCode = statusCode, LastError = error };
            LogFailed(logger, delivery.Id, delivery.Kind, delivery.OrderId, attempt, error);
        }
        await log.UpdateAsync(updated, cancellationToken);
        return updated;
    }

    private async Task<(int? StatusCode, string? Error)> PostAsync(MerchantWebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Sign(endpoint.Secret, time.GetUtcNow(), delivery.Payload));
        request.Headers.Add("PostPurchase-Event", delivery.Kind);
        request.Headers.Add("PostPurchase-Delivery", delivery.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var code = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (code, null) : (code, $"The shop answered {code} {response.ReasonPhrase}.");
        }
        catch (HttpRequestException e)
        {
            return (null, $"Could not reach the shop: {e.Message}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"The shop did not answer within {_options.Timeout.TotalSeconds:0} s.");
        }
    }

    private static string DeliveryId(string signalId, string url) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{signalId}\n{url}")))[..32];

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {SignalId} to {Url} was published before; not sent again.")]
    private static partial void LogDuplicate(ILogger logger, string signalId, string url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} ({Kind}, order {OrderId}) attempt {Attempt} failed, will retry: {Error}")]
    private static partial void LogRetry(ILogger logger, string deliveryId, string kind, string orderId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook delivery {DeliveryId} ({Kind}, order {OrderId}) failed after {Attempt} attempts: {Error}")]
    private static partial void LogFailed(ILogger logger, string deliveryId, string kind, string orderId, int attempt, string error);
}
