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
/// Sends email through Azure Communication Services' REST API and answers as soon as ACS accepted it (sent, with the operation
/// id): the delivery outcome comes later, from ACS delivery reports (Event Grid) or a status poll, never on the send path. Every
/// attempt for a message carries the same <c>Operation-Id</c> (<see cref="AcsOperationId"/>); an attempt that may follow an
/// accepted one (a retry, a crash, an activity run again) asks the operation's status first, so it is never sent twice.
/// </summary>
internal sealed partial class AcsEmailSender(
    IHttpClientFactory clients,
    AcsCredentials credentials,
    IOptions<PostPurchaseOptions> options,
    ChannelTimings timings,
    IProviderMessageIndex index,
    TimeProvider time,
    ILogger<AcsEmailSender> logger,
    AcsStatusPoll? statusPoll = null) : IChannelSender
{
    /// <summary>The named HTTP client (with its resilience pipeline and signing handler) this sender uses.</summary>
    public const string HttpClientName = "acs";

    /// <summary>The GA API version used for sends and status reads.</summary>
    public const string ApiVersion = "2023-03-31";

    /// <summary>The provider name in the message index (delivery reports name the operation id only).</summary>
    public const string IndexName = "acs";

    public Channel Channel => Channel.Email;

    public string Provider => "acs";

    private const string CircuitOpen = "sending is paused for a moment (circuit open).";

    /// <summary>The operation id is the message's own: a send whose answer was lost is looked up before it is made again.</summary>
    public bool CanLookUpSends => true;

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var operationId = AcsOperationId.For(message.Key).ToString();
        var body = JsonSerializer.SerializeToUtf8Bytes(Build(message), AcsResponses.Json);
        // Before the send, so a delivery report can never arrive for an operation nobody can place.
        await index.RememberAsync(IndexName, operationId, message.OrderId, message.Key, cancellationToken).ConfigureAwait(false);
        var check = message.MayHaveBeenSent;
        for (var attempt = 0; attempt <= timings.MaxRetryAttempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(timings.RetryBaseDelay * Math.Pow(2, attempt - 1), time, cancellationToken).ConfigureAwait(false);
            }
            if (check)
            {
                var (known, status, lookupError) = await GetStatusAsync(operationId, cancellationToken).ConfigureAwait(false);
                if (lookupError is not null)
                {
                    // An open circuit made no call: the outbox pauses the channel for the break, as for a refused send.
                    var paused = lookupError.Contains(CircuitOpen, StringComparison.Ordinal) ? timings.BreakDuration : (TimeSpan?)null;
                    return Log(message, new SendResult(SendOutcome.Retry, Error: lookupError, RetryAfter: paused));
                }
                if (known)
                {
                    return Log(message, Accepted(operationId, status!));
                }
            }
            var (result, accepted) = await PostAsync(operationId, body, cancellationToken).ConfigureAwait(false);
            if (accepted)
            {
                statusPoll?.Track(operationId, message.OrderId, message.Key);
                return SendResult.Sent(operationId);
            }
            if (result is not null)
            {
                return Log(message, result);
            }
            // The send may or may not have been accepted (timeout, 5xx, broken connection): the next round asks the
            // operation's status before sending again with the same Operation-Id.
            check = true;
        }
        return Log(message, new SendResult(SendOutcome.Retry, Error: $"ACS did not accept operation {operationId} after {timings.MaxRetryAttempts + 1} attempts; it will be sent again with the same Operation-Id."));
    }

    /// <summary>The status of an operation as a send outcome: accepted (running or done) is sent; failed or canceled is failed.</summary>
    internal static SendResult Accepted(string operationId, AcsOperationStatus status) => status.Status switch
    {
        "Failed" or "Canceled" => new SendResult(SendOutcome.Failed, operationId,
            $"ACS operation {operationId} {status.Status}: {status.Error?.Code ?? "no code"}: {status.Error?.Message ?? "no message"}"),
        _ => SendResult.Sent(operationId),
    };

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
        catch (BrokenCircuitException)
        {
            return (false, null, $"ACS status check of operation {operationId} failed: {CircuitOpen}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or JsonException)
        {
            return (false, null, $"ACS status check of operation {operationId} failed: {ex.Message}");
        }
    }

    private async Task<(SendResult? Result, bool Accepted)> PostAsync(string operationId, byte[] body, CancellationToken cancellationToken)
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
                return (null, true);
            }
            var error = await AcsResponses.DescribeAsync(response, "send", cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                return (new SendResult(SendOutcome.Retry, Error: error, RetryAfter: response.Headers.RetryAfter?.Delta), false);
            }
            return (int)response.StatusCode >= 500 ? (null, false) : (new SendResult(SendOutcome.Failed, Error: error), false);
        }
        catch (BrokenCircuitException)
        {
            // The break as Retry-After: the outbox pauses the channel for it instead of spending every claimed message's attempts.
            return (new SendResult(SendOutcome.Retry, Error: $"ACS failed repeatedly; {CircuitOpen}", RetryAfter: timings.BreakDuration), false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException)
        {
            LogSendUncertain(operationId, ex.Message);
            return (null, false);
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
}
