namespace PostPurchase.Core.Shops.Mapping;

/// <summary>What the platform's product catalogue says about one product (Shopify: the Admin API's <c>productType</c> and <c>tags</c>).</summary>
public sealed record ProductFacts(string? ProductType, IReadOnlyList<string> Tags);
