using PostPurchase.Core.Orders;

namespace PostPurchase.Core.Shops.Model;

/// <summary>The buyer as the shop knows them; every field may be missing (guest checkouts, redacted data).</summary>
/// <param name="Phones">Candidate phone numbers in the order the platform's fields are trusted, free-form.</param>
/// <param name="Locale">The language the order was placed in, as the platform spells it ("de", "de-DE"), when known.</param>
/// <param name="Consent">What the buyer opted in to, from the platform's consent fields with their proof; never assumed.</param>
public sealed record ShopBuyer(
    string? FirstName,
    string? LastName,
    string? Email,
    IReadOnlyList<string> Phones,
    string? Locale,
    ConsentGrant Consent);
