using System.Globalization;
using System.Net;

namespace PostPurchase.Infrastructure.Channels.Twilio;

/// <summary>Maps a Twilio error answer to the outcome the outbox acts on.</summary>
internal static class TwilioErrorMap
{
    /// <summary>Recipient replied STOP to this sender: consent is revoked, the message suppressed.</summary>
    public const int OptedOut = 21610;

    /// <summary>WhatsApp free-form outside the customer's 24-hour window.</summary>
    public const int WhatsAppWindowClosed = 63016;

    /// <summary>Too many concurrent requests; never processed.</summary>
    public const int TooManyRequests = 20429;

    private static readonly HashSet<int> PermanentRecipientErrors = [21211, 21614, 21635];

    /// <summary>The outcome for an error answer (HTTP status plus Twilio's code, when the body had one).</summary>
    public static SendResult Map(HttpStatusCode status, int? code, string? message, TimeSpan? retryAfter)
    {
        var detail = Describe(status, code, message);
        if (code == OptedOut)
        {
            return new SendResult(SendOutcome.OptedOut, Error: detail);
        }
        if (code is { } c && PermanentRecipientErrors.Contains(c))
        {
            return new SendResult(SendOutcome.Failed, Error: detail);
        }
        if (code == TooManyRequests || status == HttpStatusCode.TooManyRequests || (int)status >= 500)
        {
            return new SendResult(SendOutcome.Retry, Error: detail, RetryAfter: retryAfter);
        }
        if (code == WhatsAppWindowClosed)
        {
            return new SendResult(SendOutcome.Failed, Error: $"{detail} (whatsapp-window-closed: no approved template is configured for this intent and locale)");
        }
        // Any other 4xx (geo permissions, unverified trial number, bad credentials, bad parameters) will
        // not heal by repeating the same request: it is failed, with Twilio's reason for the merchant.
        return new SendResult(SendOutcome.Failed, Error: detail);
    }

    private static string Describe(HttpStatusCode status, int? code, string? message)
    {
        var codeText = code?.ToString(CultureInfo.InvariantCulture) ?? "none";
        return $"twilio {codeText} (HTTP {(int)status}): {message ?? "no error message"}";
    }
}
