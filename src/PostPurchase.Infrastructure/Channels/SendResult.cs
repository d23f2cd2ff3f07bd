using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Channels;

/// <summary>What a provider made of a send.</summary>
/// <param name="Reason">Why a <see cref="SendOutcome.Suppressed"/> message was held back.</param>
/// <param name="DeferredUntil">When a <see cref="SendOutcome.Deferred"/> message may go out (the buyer's quiet hours end).</param>
public sealed record SendResult(
    SendOutcome Outcome, string? ProviderMessageId = null, string? Error = null, TimeSpan? RetryAfter = null, SuppressionReason? Reason = null, DateTimeOffset? DeferredUntil = null)
{
    /// <summary>Accepted by the provider.</summary>
    public static SendResult Sent(string? providerMessageId) => new(SendOutcome.Sent, providerMessageId);
}

/// <summary>The outcome classes the outbox acts on.</summary>
public enum SendOutcome
{
    /// <summary>Accepted by the provider.</summary>
    Sent,
    /// <summary>Failed for good (invalid number, landline, rejected): do not retry.</summary>
    Failed,
    /// <summary>Failed for now (429, 5xx, network before the request was sent): retry later.</summary>
    Retry,
    /// <summary>The recipient opted out at the provider (Twilio 21610): revoke consent, record as suppressed.</summary>
    OptedOut,
    /// <summary>The request may or may not have been accepted (timeout after sending): never resend blindly; check.</summary>
    Unknown,
    /// <summary>Not handed to the provider: the send-time check found the consent withdrawn (see <see cref="SendResult.Reason"/>).</summary>
    Suppressed,
    /// <summary>Not handed to the provider: the send-time check found the buyer's quiet hours; it may go at <see cref="SendResult.DeferredUntil"/>.</summary>
    Deferred,
}
