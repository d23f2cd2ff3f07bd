namespace PostPurchase.Core.Orders.Intake;

/// <summary>A validated value, or every problem found, keyed by JSON path (e.g. "customer.phone", "items[1].quantity").</summary>
public sealed record ValidationResult<T>(T? Value, IReadOnlyDictionary<string, string[]> Errors) where T : class
{
    /// <summary>True when there are no errors and <see cref="Value"/> is set.</summary>
    public bool IsValid => Errors.Count == 0 && Value is not null;
}
