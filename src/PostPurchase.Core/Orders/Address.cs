namespace PostPurchase.Core.Orders;

/// <summary>A postal address; <paramref name="Country"/> is ISO 3166-1 alpha-2.</summary>
public sealed record Address(string Line1, string? Line2, string PostalCode, string City, string Country);
