using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>The buyer's marketing consent as last recorded: on this order, or on any other (checkout grant, unsubscribe link).</summary>
public readonly record struct MarketingConsent(bool Granted, bool Revoked)
{
    /// <summary>The latest record wins, whichever order it was given on (a revocation at the same moment wins); without any record, the order's own flag.</summary>
    public static MarketingConsent Of(TimelineState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var own = state.Consent.History.LastOrDefault(r => r.Subject == ConsentSubjects.Marketing);
        var shared = state.Buyer?.Activity.MarketingConsent;
        var latest = own is null ? shared
            : shared is null ? own
            : own.At != shared.At ? (own.At > shared.At ? own : shared)
            : own.Granted ? shared : own;
        return latest is null
            ? new MarketingConsent(state.Consent.Marketing, false)
            : new MarketingConsent(latest.Granted, !latest.Granted);
    }
}
