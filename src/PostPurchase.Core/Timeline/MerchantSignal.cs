namespace PostPurchase.Core.Timeline;

/// <summary>Something the merchant should know or act on, raised by the timeline (sent as an outgoing webhook).</summary>
public sealed record MerchantSignal(SignalKind Kind, string OrderId, DateTimeOffset At, IReadOnlyDictionary<string, string> Data);

/// <summary>Kinds of merchant signal; wire names are kebab-case ("support-follow-up").</summary>
public enum SignalKind
{
    /// <summary>The buyer asked to cancel.</summary>
    CancellationRequested,
    /// <summary>The buyer started a return or exchange.</summary>
    ReturnRequested,
    /// <summary>Low CSAT: reach out to the buyer.</summary>
    SupportFollowUp,
    /// <summary>A delay was detected (cause in Data).</summary>
    DelayDetected,
    /// <summary>A message could not be delivered.</summary>
    MessageFailed,
}
