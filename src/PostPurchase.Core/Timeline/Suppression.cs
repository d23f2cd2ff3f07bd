using PostPurchase.Core.Growth;
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
        if (MessageRules.IsPromotion(intent) && GrowthRules.PromotionReason(ctx, message) is { } promotion)
        {
            return promotion;
        }
        if (string.IsNullOrWhiteSpace(message.To))
        {
            return SuppressionReason.NoAddress;
        }
        // Holdout last: the arms are compared among the orders that could have had the message.
        return ConsentFor(state, message) ?? ExperimentRules.HoldoutReason(message);
    }

    /// <summary>Why the buyer's consent does not cover <paramref name="message"/>'s channel and purpose; null when it does.</summary>
    /// <remarks>
    /// Transactional email needs no opt-in; feedback email (surveys, reviews) stops once the buyer unsubscribed; promotions need
    /// marketing consent on every channel. Marketing consent is the latest record on this order or any other of the buyer's.
    /// </remarks>
    public static SuppressionReason? ConsentFor(TimelineState state, TimelineMessage message) =>
        message.Channel == Channel.Email ? EmailReason(state, message) : ConsentReason(state, message);

    private static SuppressionReason? EmailReason(TimelineState state, TimelineMessage message) => message.Purpose switch
    {
        MessagePurpose.Promotion => MarketingReason(state),
        MessagePurpose.Marketing when MarketingConsent.Of(state).Revoked => SuppressionReason.OptedOut,
        _ => null,
    };

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

    private static SuppressionReason? ConsentReason(TimelineState state, TimelineMessage message)
    {
        var consent = state.Consent;
        var (granted, optedOut) = message.Channel == Channel.Sms
            ? (consent.Sms, consent.SmsOptedOut)
            : (consent.WhatsApp, consent.WhatsAppOptedOut);
        if (!granted)
        {
            return optedOut ? SuppressionReason.OptedOut : SuppressionReason.NoConsent;
        }
        return message.Purpose == MessagePurpose.Transactional ? null : MarketingReason(state);
    }

    /// <summary>Marketing consent as last recorded on this order or any other of the buyer's.</summary>
    private static SuppressionReason? MarketingReason(TimelineState state) => MarketingConsent.Of(state) switch
    {
        { Granted: true } => null,
        { Revoked: true } => SuppressionReason.OptedOut,
        _ => SuppressionReason.NoConsent,
    };
}
