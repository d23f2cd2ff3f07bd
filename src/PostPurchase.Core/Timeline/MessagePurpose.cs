namespace PostPurchase.Core.Timeline;

/// <summary>
/// Transactional updates need channel consent; marketing (review, CSAT) by SMS/WhatsApp needs marketing consent too;
/// promotions (replenishment, win-back, referral) need marketing consent on every channel, email included.
/// </summary>
public enum MessagePurpose
{
    /// <summary>About the order the buyer placed.</summary>
    Transactional,
    /// <summary>Asks something of the buyer: reviews and surveys.</summary>
    Marketing,
    /// <summary>Sells the next order: replenishment reminders, win-back, referral invitations.</summary>
    Promotion,
}
