namespace PostPurchase.Infrastructure.Shops;

/// <summary>What applying one delivery did to its order.</summary>
/// <param name="Inputs">Timeline inputs handed over (0 for a repeat or an older snapshot).</param>
/// <param name="Stale">True when the delivery held nothing newer than what was known.</param>
/// <param name="Skipped">Why the order has no timeline (a draft, digital only), when it has none.</param>
public sealed record ShopApplyResult(string OrderId, int Inputs, bool Stale, string? Skipped)
{
    /// <summary>One word for logs and the delivery log: applied, unchanged, skipped.</summary>
    public string Outcome => Skipped is not null ? "skipped" : Inputs > 0 ? "applied" : "unchanged";
}
