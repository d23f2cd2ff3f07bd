using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Configuration;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>
/// Sends email through Azure Communication Services' REST API. Every attempt for a message carries the
/// same <c>Operation-Id</c> (<see cref="AcsOperationId"/>) and asks the operation's status first, so a send
/// that was accepted before a timeout or a crash is followed, never repeated. The operation is then
/// polled until it succeeds or fails.
/// </summary>
internal sealed partial class AcsEmailSender(
    IHttpClientFactory clients,
    AcsCredentials credentials,
    IOptions<PostPurchaseOptions> options,
    ChannelTimings timings,
    TimeProvider time,
    ILogger<AcsEmailSender> logger) : IChannelSender
{
    /// <summary>The named HTTP client (with its resilience pipeline and signing handler) this sender uses.</summary>
    public const string HttpClientName = "acs";

    /// <summary>The GA API version used for sends and polls.</summary>
    public const string ApiVersion = "2023-03-31";

    public Channel Channel => Channel.Email;

    public string Provider => "acs";

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var operationId = AcsOperationId.For(message.Key).ToString();
        var body = JsonSerializer.SerializeToUtf8Bytes(Build(message), AcsResponses.Json);
        for (var attempt = 0; attempt <= timings.MaxRetryAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(timings.RetryBaseDelay * Math.Pow(2, attempt - 1), time, cancellationToken).ConfigureAwait(false);
            }
            var (known, status, lookupError) = await GetStatusAsync(operationId, cancellationToken).ConfigureAwait(false);
            if (lookupError is not null)
            {
                return Log(message, new SendResult(SendOutcome.Retry, Error: lookupError));
            }
            if (known)
            {
                return Log(message, await FollowAsync(operationId, status!, null, cancellationToken).ConfigureAwait(false));
            }
            var (result, accepted, retryAfter) = await PostAsync(operationId, body, cancellationToken).ConfigureAwait(false);
            if (accepted is not null)
            {
                return Log(message, await FollowAsync(operationId, accepted, retryAfter, cancellationToken).ConfigureAwait(false));
            }
            if (result is not null)
            {
                return Log(message, result);
            }
            // The send may or may not have been accepted (timeout, 5xx, broken connection): the next
            // round asks the operation's status before sending again with the same Operation-Id.
        }
        return Log(message, new SendResult(SendOutcome.Retry, Error: $"ACS did not accept operation {operationId} after {timings.MaxRetryAttempts + 1} attempts; it will be sent again with the same Operation-Id."));
    }

    private AcsEmailMessage Build(OutboundMessage message)
    {
        var settings = options.Value;
        var content = message.Content;
        var branding = message.Branding ?? settings.Branding;
        var headers = EmailHeaders.For(message, branding);
        return new AcsEmailMessage(
            settings.Email.Sender,
            new AcsEmailContent(content.Subject ?? throw new ArgumentException($"Email {message.Key} has no subject.", nameof(message)), content.Text, content.Html),
            new AcsEmailRecipients([new AcsEmailAddress(message.To, string.IsNullOrWhiteSpace(message.RecipientName) ? null : message.RecipientName)]),
            [new AcsEmailAddress(branding.SupportEmail, branding.ShopName)],
            headers.Count > 0 ? headers : null,
            UserEngagementTrackingDisabled: true);
    }

    private async Task<(bool Known, AcsOperationStatus? Status, string? Error)> GetStatusAsync(string operationId, CancellationToken cancellationToken)
    {
        var url = $"{credentials.Connection.BaseUrl}/emails/operations/{operationId}?api-version={ApiVersion}";
        try
        {
            using var response = await clients.CreateClient(HttpClientName).GetAsync(new Uri(url), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return (false, null, null);
            }
            if (!response.IsSuccessStatusCode)
            {
                return (false, null, await AcsResponses.DescribeAsync(response, "status check", cancellationToken).ConfigureAwait(false));
            }
            var status = await response.Content.ReadFromJsonAsync<AcsOperationStatus>(AcsResponses.Json, cancellationToken).ConfigureAwait(false);
            return (true, status ?? new AcsOperationStatus(operationId, "Running", null), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException)
        {
            return (false, null, $"ACS status check of operation {operationId} failed: {ex.Message}");
        }
    }

    private async Task<(SendResult? Result, AcsOperationStatus? Accepted, TimeSpan? RetryAfter)> PostAsync(string operationId, byte[] body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{credentials.Connection.BaseUrl}/emails:send?api-version={ApiVersion}"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.TryAddWithoutValidation("Operation-Id", operationId);
        try
        {
            using var response = await clients.CreateClient(HttpClientName).SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || response.StatusCode == HttpStatusCode.Conflict)
            {
                var accepted = response.StatusCode == HttpStatusCode.Conflict ? null : await AcsResponses.ReadStatusAsync(response, cancellationToken).ConfigureAwait(false);
                return (null, accepted ?? new AcsOperationStatus(operationId, "Running", null), response.Headers.RetryAfter?.Delta);
            }
            var error = await AcsResponses.DescribeAsync(response, "send", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (new SendResult(SendOutcome.Retry, Error: error, RetryAfter: response.Headers.RetryAfter?.Delta), null, null);
            }
            return (int)response.StatusCode >= 500 ? (null, null, null) : (new SendResult(SendOutcome.Failed, Error: error), null, null);
        }
        catch (BrokenCircuitException)
        {
            return (new SendResult(SendOutcome.Retry, Error: "ACS failed repeatedly; sending is paused for a moment (circuit open)."), null, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            LogSendUncertain(operationId, ex.Message);
            return (null, null, null);
        }
    }

    private async Task<SendResult> FollowAsync(string operationId, AcsOperationStatus status, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        // Elapsed time, not the clock's date: a simulated business clock must not stop (or skip) the polling.
        var started = time.GetTimestamp();
        while (true)
        {
            switch (status.Status)
            {
                case "Succeeded":
                    return SendResult.Sent(operationId);
                case "Failed" or "Canceled":
                    return new SendResult(SendOutcome.Failed, operationId, $"ACS operation {operationId} {status.Status}: {status.Error?.Code ?? "no code"}: {status.Error?.Message ?? "no message"}");
            }
            if (time.GetElapsedTime(started) >= timings.AcsPollTimeout)
            {
                return new SendResult(SendOutcome.Unknown, operationId, $"ACS operation {operationId} is still {status.Status} after {timings.AcsPollTimeout}; it was accepted and will not be sent again: check its status later.");
            }
            var pause = retryAfter is { } wait && wait < timings.AcsMaxPollDelay ? wait : timings.AcsMaxPollDelay;
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
            var url = new Uri($"{credentials.Connection.BaseUrl}/emails/operations/{operationId}?api-version={ApiVersion}");
            try
            {
                using var response = await clients.CreateClient(HttpClientName).GetAsync(url, cancellationToken).ConfigureAwait(false);
                retryAfter = response.Headers.RetryAfter?.Delta;
                status = response.IsSuccessStatusCode
                    ? await AcsResponses.ReadStatusAsync(response, cancellationToken).ConfigureAwait(false) ?? status
                    : status;
            }
            catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException)
            {
                LogPollFailed(operationId, ex.Message);
            }
        }
    }

    private SendResult Log(OutboundMessage message, SendResult result)
    {
        if (result.Outcome != SendOutcome.Sent)
        {
            LogNotSent(message.Key, result.Outcome, result.Error);
        }
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "ACS did not send {Key}: {Outcome}, {Error}")]
    private partial void LogNotSent(string key, SendOutcome outcome, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "ACS send of operation {OperationId} has no clear answer ({Reason}); its status is checked before any new attempt")]
    private partial void LogSendUncertain(string operationId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Polling ACS operation {OperationId} failed once: {Reason}")]
    private partial void LogPollFailed(string operationId, string reason);
}
