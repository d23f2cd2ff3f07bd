namespace PostPurchase.Core.Shops.Model;

/// <summary>A postal address as a shop sends it; <paramref name="Country"/> is ISO 3166-1 alpha-2 when the platform gives one.</summary>
/// <param name="Region">State or province code (e.g. "CA", "NSW"), which places the buyer in a time zone where a country has several.</param>
public sealed record ShopAddress(
    string? FirstName,
    string? LastName,
    string? Line1,
    string? Line2,
    string? PostalCode,
    string? City,
    string? Country,
    string? Region,
    string? Phone);
