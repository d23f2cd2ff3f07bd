using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Channels.Smtp;

/// <summary>
/// Sends email to any SMTP server with MailKit. Failures before the message data was handed over are
/// retried later; a connection lost while handing it over is <see cref="SendOutcome.Unknown"/>; 5xx replies are permanent.
/// </summary>
internal sealed partial class SmtpChannelSender(
    IOptions<PostPurchaseOptions> options,
    ChannelTimings timings,
    TimeProvider time,
    ILogger<SmtpChannelSender> logger) : IChannelSender
{
    public Channel Channel => Channel.Email;

    public string Provider => "smtp";

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var email = settings.Email;
        if (string.IsNullOrWhiteSpace(email.SmtpHost))
        {
            return NotSent(message, new SendResult(SendOutcome.Failed, Error: "SMTP is not configured: set PostPurchase__Email__SmtpHost."));
        }
        var mime = SmtpMessageFactory.Create(message, settings, time.GetUtcNow());
        var handedOver = false;
        using var client = new SmtpClient { Timeout = (int)timings.SmtpTimeout.TotalMilliseconds };
        try
        {
            var security = email.SmtpUseTls ? SecureSocketOptions.Auto : SecureSocketOptions.None;
            await client.ConnectAsync(email.SmtpHost, email.SmtpPort, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(email.SmtpUser))
            {
                await client.AuthenticateAsync(email.SmtpUser, email.SmtpPassword ?? "", cancellationToken).ConfigureAwait(false);
            }
            handedOver = true;
            await client.SendAsync(mime, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return SendResult.Sent(mime.MessageId);
        }
        catch (AuthenticationException)
        {
            return NotSent(message, new SendResult(SendOutcome.Failed, Error: $"SMTP authentication failed for user '{email.SmtpUser}' at {email.SmtpHost}:{email.SmtpPort}; check PostPurchase__Email__SmtpUser and __SmtpPassword."));
        }
        catch (SmtpCommandException ex)
        {
            var permanent = (int)ex.StatusCode >= 500;
            var error = $"SMTP server {email.SmtpHost} refused ({(int)ex.StatusCode} {ex.ErrorCode}): {ex.Message}";
            return NotSent(message, new SendResult(permanent ? SendOutcome.Failed : SendOutcome.Retry, Error: error));
        }
        catch (Exception ex) when (ex is SocketException or IOException or SmtpProtocolException or SslHandshakeException or TimeoutException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var outcome = handedOver ? SendOutcome.Unknown : SendOutcome.Retry;
            var when = handedOver ? "while handing the message over; it may have been accepted" : "before sending";
            return NotSent(message, new SendResult(outcome, Error: $"SMTP {email.SmtpHost}:{email.SmtpPort} failed {when}: {ex.Message}"));
        }
    }

    private SendResult NotSent(OutboundMessage message, SendResult result)
    {
        LogNotSent(message.Key, result.Outcome, result.Error);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP did not send {Key}: {Outcome}, {Error}")]
    private partial void LogNotSent(string key, SendOutcome outcome, string? error);
}
