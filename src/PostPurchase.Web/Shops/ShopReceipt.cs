namespace PostPurchase.Web.Shops;

/// <summary>The answer to a shop delivery: what was done with it.</summary>
/// <param name="Outcome">applied, unchanged, skipped, duplicate, refused or ping.</param>
/// <param name="Reason">Why it was skipped or refused.</param>
public sealed record ShopReceipt(string Platform, string Topic, string? OrderId, string Outcome, int Inputs = 0, string? Reason = null);
