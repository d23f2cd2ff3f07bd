namespace PostPurchase.Core.Timeline;

/// <summary>Which intents are essential, which are marketing, which are about one parcel.</summary>
internal static class MessageRules
{
    /// <summary>Confirmation, delivery problems, delays, cancellation and returns: never capped.</summary>
    public static bool IsEssential(Intent intent) => intent is Intent.OrderConfirmation
        or Intent.DeliveryFailedAttempt or Intent.AvailableForPickup or Intent.DeliveryException or Intent.ReturnedToSender
        or Intent.DelayNotShipped or Intent.DelayEstimateSlipped or Intent.DelayNoScan or Intent.DelayOverdue
        or Intent.CancellationConfirmed or Intent.ReturnInstructions;

    /// <summary>Review requests, reminders and surveys ask something of the buyer; replenishment, win-back and referral sell.</summary>
    public static MessagePurpose PurposeOf(Intent intent) => intent switch
    {
        Intent.CsatSurvey or Intent.ReviewRequest or Intent.ReviewReminder => MessagePurpose.Marketing,
        _ when IsPromotion(intent) => MessagePurpose.Promotion,
        _ => MessagePurpose.Transactional,
    };

    /// <summary>Replenishment reminders, win-back and referral invitations: marketing consent on every channel, the weekly cap.</summary>
    public static bool IsPromotion(Intent intent) => intent is Intent.ReplenishmentReminder or Intent.WinBack or Intent.ReferralInvite;

    /// <summary>Part of the feedback flow that a cancellation, return, low score or open issue stops.</summary>
    public static bool IsFeedback(Intent intent) => intent is Intent.CsatSurvey or Intent.ReviewRequest or Intent.ReviewReminder;

    /// <summary>Delay alerts.</summary>
    public static bool IsDelay(Intent intent) =>
        intent is Intent.DelayNotShipped or Intent.DelayEstimateSlipped or Intent.DelayNoScan or Intent.DelayOverdue;
}
