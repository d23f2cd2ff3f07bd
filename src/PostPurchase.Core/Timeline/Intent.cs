using System.ComponentModel;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>Why a message is sent; the wire names (kebab-case, e.g. "order-confirmation") are part of the API.</summary>
[TypeConverter(typeof(WireNameConverter<Intent>))]
public enum Intent
{
    /// <summary>Order received: everything the buyer checks.</summary>
    OrderConfirmation,
    /// <summary>First carrier scan of a parcel.</summary>
    Shipped,
    /// <summary>A parcel is out for delivery.</summary>
    OutForDelivery,
    /// <summary>A parcel (or the last parcel) was delivered.</summary>
    Delivered,
    /// <summary>The carrier tried and failed to deliver.</summary>
    DeliveryFailedAttempt,
    /// <summary>A parcel waits at a pick-up point.</summary>
    AvailableForPickup,
    /// <summary>A parcel is held, damaged, lost or refused.</summary>
    DeliveryException,
    /// <summary>A parcel is on its way back to the shop.</summary>
    ReturnedToSender,
    /// <summary>Not scanned by the carrier by the promised ship-by date.</summary>
    DelayNotShipped,
    /// <summary>The carrier's estimate moved past the promised delivery date.</summary>
    DelayEstimateSlipped,
    /// <summary>In transit with no carrier scan for several days.</summary>
    DelayNoScan,
    /// <summary>The promised delivery date passed without delivery.</summary>
    DelayOverdue,
    /// <summary>How did we do? (1-5).</summary>
    CsatSurvey,
    /// <summary>Ask for a product review once the buyer has used the product.</summary>
    ReviewRequest,
    /// <summary>One reminder when the review link was not used.</summary>
    ReviewReminder,
    /// <summary>The order was cancelled.</summary>
    CancellationConfirmed,
    /// <summary>How to send items back after a return was started.</summary>
    ReturnInstructions,
    /// <summary>The product bought is about to run out: a one-click reorder (marketing).</summary>
    ReplenishmentReminder,
    /// <summary>No order for a while after the last delivery: come back, with an optional incentive (marketing).</summary>
    WinBack,
    /// <summary>A happy buyer gets a personal code to share with friends (marketing).</summary>
    ReferralInvite,
}
