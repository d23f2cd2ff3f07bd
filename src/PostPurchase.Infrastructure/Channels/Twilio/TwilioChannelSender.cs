using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Configuration;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace PostPurchase.Infrastructure.Channels.Twilio;

/// <summary>
/// Sends SMS or WhatsApp through Twilio's Messages REST API with the Twilio SDK (its REST client over our resilient
/// HttpClient). A create request is not idempotent, so it
/// is only repeated when Twilio certainly did not process it (429/20429, 5xx, no connection); a timeout
/// after sending is reported as <see cref="SendOutcome.Unknown"/>, never resent blindly.
/// </summary>
internal sealed partial class TwilioChannelSender(
    Channel channel,
    IHttpClientFactory clients,
    IOptions<PostPurchaseOptions> options,
    TimeProvider time,
    ILogger<TwilioChannelSender> logger,
    ChannelTimings timings) : IChannelSender
{
    /// <summary>The named HTTP client (with its resilience pipeline) this sender uses.</summary>
    public const string HttpClientName = "twilio";

    private const string WhatsAppPrefix = "whatsapp:";

    public Channel Channel { get; } = channel is Channel.Sms or Channel.WhatsApp
        ? channel
        : throw new ArgumentOutOfRangeException(nameof(channel), channel, "Twilio sends sms and whatsapp only.");

    public string Provider => "twilio";

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Channel != Channel)
        {
            throw new ArgumentException($"This sender serves {WireName.Of(Channel)}, not {WireName.Of(message.Channel)}.", nameof(message));
        }
        var settings = options.Value.Twilio;
        if (string.IsNullOrWhiteSpace(settings.AccountSid) || string.IsNullOrWhiteSpace(settings.AuthToken))
        {
            return new SendResult(SendOutcome.Failed, Error: "Twilio is not configured: set PostPurchase__Twilio__AccountSid and __AuthToken.");
        }
        var from = Channel == Channel.WhatsApp ? settings.WhatsAppFrom : settings.From;
        if (string.IsNullOrWhiteSpace(settings.MessagingServiceSid) && string.IsNullOrWhiteSpace(from))
        {
            var setting = Channel == Channel.WhatsApp ? "WhatsAppFrom" : "From";
            return new SendResult(SendOutcome.Failed, Error: $"No Twilio sender for {WireName.Of(Channel)}: set PostPurchase__Twilio__{setting} or __MessagingServiceSid.");
        }

        var template = Channel == Channel.WhatsApp ? message.WhatsAppTemplateSid ?? FindTemplate(settings, message) : null;
        var useTemplate = template is not null && !message.WhatsAppWindowOpen;
        var (result, code) = await PostAsync(settings, message, useTemplate ? template : null, cancellationToken).ConfigureAwait(false);
        if (code == TwilioErrorMap.WhatsAppWindowClosed && !useTemplate && template is not null)
        {
            LogRetryingAsTemplate(message.Key, template);
            (result, _) = await PostAsync(settings, message, template, cancellationToken).ConfigureAwait(false);
        }
        if (result.Outcome != SendOutcome.Sent)
        {
            LogNotSent(message.Key, result.Outcome, result.Error);
        }
        return result;
    }

    /// <summary>The Content template for the message's intent: "intent.locale" first, then "intent".</summary>
    internal static string? FindTemplate(TwilioOptions settings, OutboundMessage message)
    {
        var intent = WireName.Of(message.Intent);
        return settings.WhatsAppTemplates.TryGetValue($"{intent}.{message.Locale}", out var sid)
            || settings.WhatsAppTemplates.TryGetValue(intent, out sid)
            ? sid
            : null;
    }

    private async Task<(SendResult Result, int? Code)> PostAsync(TwilioOptions settings, OutboundMessage message, string? contentSid, CancellationToken cancellationToken)
    {
        // The SDK's REST client over our resilient HttpClient (retries, circuit breaker, timeout; the base URL rewrite in tests).
        var http = new SystemNetHttpClient(clients.CreateClient(HttpClientName));
        var user = string.IsNullOrWhiteSpace(settings.ApiKeySid) ? settings.AccountSid! : settings.ApiKeySid;
        var rest = new TwilioRestClient(user, settings.AuthToken, settings.AccountSid, httpClient: http);
        try
        {
            var created = await MessageResource.CreateAsync(Options(settings, message, contentSid), rest).WaitAsync(cancellationToken).ConfigureAwait(false);
            return (SendResult.Sent(created.Sid), null);
        }
        catch (ApiException ex)
        {
            var status = http.LastResponse?.StatusCode is { } answered && answered != default ? answered : (HttpStatusCode)ex.Status;
            var code = ex.Code == 0 ? (int?)null : ex.Code;
            return (TwilioErrorMap.Map(status, code, code is null ? null : ex.Message, RetryAfter(http.LastResponse?.Headers)), code);
        }
        catch (ApiConnectionException ex)
        {
            return (ex.InnerException switch
            {
                TimeoutRejectedException => new SendResult(SendOutcome.Unknown, Error: "Twilio did not answer in time; the message may have been accepted: check its status before sending again."),
                // The break as Retry-After: the outbox pauses the channel for it instead of spending every claimed message's attempts.
                BrokenCircuitException => new SendResult(SendOutcome.Retry, Error: "Twilio failed repeatedly; sending is paused for a moment (circuit open).", RetryAfter: timings.BreakDuration),
                HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } connect =>
                    new SendResult(SendOutcome.Retry, Error: $"Twilio could not be reached: {connect.Message}"),
                var other => new SendResult(SendOutcome.Unknown, Error: $"The connection to Twilio broke after sending; the message may have been accepted: {other?.Message ?? ex.Message}"),
            }, null);
        }
    }

    private CreateMessageOptions Options(TwilioOptions settings, OutboundMessage message, string? contentSid)
    {
        var whatsApp = message.Channel == Channel.WhatsApp;
        var options = new CreateMessageOptions(new PhoneNumber(whatsApp ? WithPrefix(message.To) : message.To));
        if (!string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            options.MessagingServiceSid = settings.MessagingServiceSid;
        }
        else
        {
            options.From = new PhoneNumber(whatsApp ? WithPrefix(settings.WhatsAppFrom!) : settings.From!);
        }
        if (contentSid is not null)
        {
            options.ContentSid = contentSid;
            if (message.Content.TemplateVariables is { Count: > 0 } variables)
            {
                options.ContentVariables = JsonSerializer.Serialize(variables);
            }
        }
        else
        {
            options.Body = message.Content.Text;
        }
        options.StatusCallback = new Uri(message.StatusCallbackUrl ?? StatusCallbackFor(message.Key));
        return options;
    }

    private string StatusCallbackFor(string key) =>
        $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/webhooks/twilio/status?key={Uri.EscapeDataString(key)}";

    private static string WithPrefix(string address) =>
        address.StartsWith(WhatsAppPrefix, StringComparison.OrdinalIgnoreCase) ? address : WhatsAppPrefix + address;

    private TimeSpan? RetryAfter(HttpResponseHeaders? headers) => headers?.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "WhatsApp message {Key} hit the closed 24-hour window; sending it again as template {ContentSid}")]
    private partial void LogRetryingAsTemplate(string key, string contentSid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio did not send {Key}: {Outcome}, {Error}")]
    private partial void LogNotSent(string key, SendOutcome outcome, string? error);
}
