namespace PostPurchase.Infrastructure.Runtime;

/// <summary>What applying one input did.</summary>
internal enum ApplyOutcome
{
    /// <summary>Decided and committed.</summary>
    Applied,
    /// <summary>This input id was applied before: nothing changed.</summary>
    Duplicate,
    /// <summary>An OrderPlaced for an order that exists: nothing changed.</summary>
    AlreadyExists,
    /// <summary>No such order.</summary>
    UnknownOrder,
    /// <summary>A wake-up that is not due (moved, or already handled): nothing changed.</summary>
    NotDue,
}
