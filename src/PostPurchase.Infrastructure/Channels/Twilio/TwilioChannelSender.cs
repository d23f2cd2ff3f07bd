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

    /// <summary>A message whose answer was lost is looked up among the recipient's messages first (<see cref="TwilioSendLookup"/>).</summary>
    public bool CanLookUpSends => true;

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
        if (message.LostAttemptAt is { } since
            && await LookUpAsync(settings, message, from, template is not null, since, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return known;
        }

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

    // A create request is not idempotent: a message whose answer was lost is sent only when Twilio shows it never got it, and a
    // lookup that fails leaves the message for a later attempt rather than risk a second text.
    private async Task<SendResult?> LookUpAsync(TwilioOptions settings, OutboundMessage message, string? from, bool mayBeTemplate, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var (rest, _) = RestClient(settings);
        var whatsApp = Channel == Channel.WhatsApp;
        var to = whatsApp ? WithPrefix(message.To) : message.To;
        // With a Messaging Service the service picks the number, so only the recipient narrows the list.
        var sender = string.IsNullOrWhiteSpace(settings.MessagingServiceSid) && from is not null ? (whatsApp ? WithPrefix(from) : from) : null;
        try
        {
            var found = await TwilioSendLookup.FindAsync(rest, settings.AccountSid!, to, sender, since,
                listed => TwilioSendLookup.Matches(listed, to, message, mayBeTemplate), cancellationToken).ConfigureAwait(false);
            if (found.Sid is { } sid)
            {
                LogFoundLost(message.Key, sid);
                return SendResult.Sent(sid);
            }

            if (found.Error is { } error)
            {
                return new SendResult(SendOutcome.Retry, Error: error);
            }
            LogNotFoundLost(message.Key, since);
            return null;
        }
        catch (Exception ex) when (ex is ApiException or ApiConnectionException or Newtonsoft.Json.JsonException)
        {
            LogLookupFailed(message.Key, ex.Message);
            return new SendResult(SendOutcome.Retry,
                Error: $"Could not ask Twilio whether the message whose answer was lost went out ({ex.Message}); nothing sent, asking again later.");
        }
    }

    // The SDK's REST client over our resilient HttpClient (retries, circuit breaker, timeout; the base URL rewrite in tests).
    private (TwilioRestClient Client, SystemNetHttpClient Http) RestClient(TwilioOptions settings)
    {
        var http = new SystemNetHttpClient(clients.CreateClient(HttpClientName));
        var user = string.IsNullOrWhiteSpace(settings.ApiKeySid) ? settings.AccountSid! : settings.ApiKeySid;
        return (new TwilioRestClient(user, settings.AuthToken, settings.AccountSid, httpClient: http), http);
    }

    private async Task<(SendResult Result, int? Code)> PostAsync(TwilioOptions settings, OutboundMessage message, string? contentSid, CancellationToken cancellationToken)
    {
        var (rest, http) = RestClient(settings);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio already has message {Key} whose answer was lost, as {Sid}; not sending it again")]
    private partial void LogFoundLost(string key, string sid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Twilio has no message {Key} since the attempt whose answer was lost began at {Since}; sending it")]
    private partial void LogNotFoundLost(string key, DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look up at Twilio whether message {Key} went out: {Error}; left for a later attempt")]
    private partial void LogLookupFailed(string key, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio did not send {Key}: {Outcome}, {Error}")]
    private partial void LogNotSent(string key, SendOutcome outcome, string? error);
}
