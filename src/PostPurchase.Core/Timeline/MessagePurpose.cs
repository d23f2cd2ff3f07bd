namespace PostPurchase.Core.Timeline;

/// <summary>Transactional updates need channel consent; marketing (review, CSAT) by SMS/WhatsApp needs marketing consent too.</summary>
public enum MessagePurpose
{
    /// <summary>About the order the buyer placed.</summary>
    Transactional,
    /// <summary>Asks something of the buyer: reviews and surveys.</summary>
    Marketing,
}
