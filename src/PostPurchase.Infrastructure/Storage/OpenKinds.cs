namespace PostPurchase.Infrastructure.Storage;

/// <summary>Why an order is listed in the open-orders index; the state row records which entries were written for it.</summary>
[Flags]
internal enum OpenKinds
{
    /// <summary>Not listed.</summary>
    None = 0,

    /// <summary>The timeline is not completed: the wake-up reconciliation looks at it.</summary>
    Timeline = 1,

    /// <summary>Message rows may wait in the outbox (pending, sending or retry): the outbox sweep looks at it.</summary>
    Outbox = 2,
}
