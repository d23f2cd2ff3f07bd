namespace PostPurchase.Core.Orders;

/// <summary>The buyer: how to reach them, in which language and time zone, and what they agreed to.</summary>
/// <param name="Phone">E.164, or null when the shop has none.</param>
/// <param name="Locale">One of the supported locales (en, nl, de, fr, pl).</param>
/// <param name="TimeZone">IANA time zone id, e.g. Europe/Amsterdam.</param>
/// <param name="Loyalty">Points and tier at the shop, when the intake carries them.</param>
public sealed record Customer(
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    string Locale,
    string TimeZone,
    ConsentGrant Consent,
    LoyaltyStatus? Loyalty = null);
