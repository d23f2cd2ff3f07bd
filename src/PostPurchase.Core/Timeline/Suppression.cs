using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>Why a message may not go out in the order's present state; null when it may.</summary>
internal static class Suppression
{
    public static SuppressionReason? ReasonFor(DecisionContext ctx, TimelineMessage message)
    {
        var state = ctx.State;
        var intent = message.Intent;
        switch (state.Status)
        {
            case OrderStatus.Cancelled when intent != Intent.CancellationConfirmed:
                return SuppressionReason.Cancelled;
            case OrderStatus.Returned or OrderStatus.Refunded when intent is not (Intent.ReturnInstructions or Intent.CancellationConfirmed):
                return SuppressionReason.Returned;
            case OrderStatus.ReturnRequested when MessageRules.IsFeedback(intent) || MessageRules.IsDelay(intent):
                return SuppressionReason.Returned;
        }
        if (MessageRules.IsFeedback(intent) && FeedbackReason(ctx, message) is { } feedback)
        {
            return feedback;
        }
        if (string.IsNullOrWhiteSpace(message.To))
        {
            return SuppressionReason.NoAddress;
        }
        return ConsentFor(state.Consent, message);
    }

    /// <summary>Why the buyer's consent does not cover <paramref name="message"/>'s channel and purpose; null when it does.</summary>
    /// <remarks>Email needs no opt-in; marketing email stops once the buyer unsubscribed (revoked marketing consent).</remarks>
    public static SuppressionReason? ConsentFor(ConsentState consent, TimelineMessage message) =>
        message.Channel == Channel.Email ? EmailReason(consent, message) : ConsentReason(consent, message);

    private static SuppressionReason? EmailReason(ConsentState consent, TimelineMessage message) =>
        message.Purpose == MessagePurpose.Marketing && MarketingRevoked(consent) ? SuppressionReason.OptedOut : null;

    private static bool MarketingRevoked(ConsentState consent) =>
        consent.History.LastOrDefault(r => r.Subject == ConsentSubjects.Marketing) is { Granted: false };

    /// <summary>A parcel is held, lost, refused or on its way back: no survey or review until that is settled.</summary>
    public static bool IssueOpen(TimelineState state) =>
        state.Parcels.Any(p => p.Status is TrackingStatus.Exception or TrackingStatus.ReturnedToSender);

    /// <summary>True for scores at or below the policy's low mark.</summary>
    public static bool IsLowScore(DecisionContext ctx) => ctx.State.CsatScore is { } score && score <= ctx.Policy.Csat.LowScoreAtMost;

    private static SuppressionReason? FeedbackReason(DecisionContext ctx, TimelineMessage message)
    {
        var state = ctx.State;
        if (message.Intent == Intent.CsatSurvey && state.CsatScore is not null)
        {
            return SuppressionReason.Superseded;
        }
        if (message.Intent != Intent.CsatSurvey && IsLowScore(ctx))
        {
            return SuppressionReason.LowCsat;
        }
        if (IssueOpen(state))
        {
            return SuppressionReason.IssueOpen;
        }
        if (message.Intent == Intent.ReviewReminder && state.ReviewLinkUsed)
        {
            return SuppressionReason.Superseded;
        }
        return null;
    }

    private static SuppressionReason? ConsentReason(ConsentState consent, TimelineMessage message)
    {
        var (granted, optedOut) = message.Channel == Channel.Sms
            ? (consent.Sms, consent.SmsOptedOut)
            : (consent.WhatsApp, consent.WhatsAppOptedOut);
        if (!granted)
        {
            return optedOut ? SuppressionReason.OptedOut : SuppressionReason.NoConsent;
        }
        if (message.Purpose == MessagePurpose.Marketing && !consent.Marketing)
        {
            return MarketingRevoked(consent) ? SuppressionReason.OptedOut : SuppressionReason.NoConsent;
        }
        return null;
    }
}
