namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>The buyer: names, a mailable address, a valid phone stored as E.164, a supported language, an IANA zone, consent.</summary>
internal static class CustomerRules
{
    private const string Path = "customer";

    /// <summary>The customer, or null when anything about it is invalid (every problem is recorded).</summary>
    public static Customer? Validate(CustomerRequest? request, string? shippingCountry, DateTimeOffset? placedAt, IntakeErrors errors)
    {
        if (request is null)
        {
            errors.Add(Path, "Required.");
            return null;
        }
        var firstName = errors.Required(request.FirstName, $"{Path}.firstName", 100);
        var lastName = errors.Optional(request.LastName, $"{Path}.lastName", 100) ?? "";
        var email = Email(request.Email, errors);
        var phone = Phone(request.Phone, shippingCountry, errors);
        var locale = Locale(request.Locale, errors);
        var timeZone = TimeZone(request.TimeZone, errors);
        var consent = Consent(request.Consent, placedAt, errors);
        if (consent is { Sms: true } or { WhatsApp: true } && string.IsNullOrWhiteSpace(request.Phone))
        {
            errors.Add($"{Path}.phone", "Required when consent.sms or consent.whatsapp is true.");
        }
        var loyalty = Loyalty(request.Loyalty, errors);
        return firstName is null || email is null || locale is null || timeZone is null || consent is null
            ? null
            : new Customer(firstName, lastName, email, phone, locale, timeZone, consent, loyalty);
    }

    private static LoyaltyStatus? Loyalty(LoyaltyRequest? request, IntakeErrors errors)
    {
        if (request is null)
        {
            return null;
        }
        if (request.Points is < 0)
        {
            errors.Add($"{Path}.loyalty.points", "Must be 0 or more.");
        }
        var tier = errors.Optional(request.Tier, $"{Path}.loyalty.tier", 50);
        if (request.Points is null && tier is null)
        {
            errors.Add($"{Path}.loyalty", "Send points, a tier or both; leave loyalty out when the buyer has neither.");
            return null;
        }
        return new LoyaltyStatus(request.Points, tier);
    }

    private static string? Email(string? value, IntakeErrors errors)
    {
        var email = errors.Required(value, $"{Path}.email", EmailAddresses.MaxLength);
        if (email is not null && !EmailAddresses.IsValid(email))
        {
            errors.Add($"{Path}.email", "Not an email address, e.g. anna@example.com.");
            return null;
        }
        return email;
    }

    private static string? Phone(string? value, string? shippingCountry, IntakeErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var e164 = value.Length <= 40 ? Phones.ToE164(value, shippingCountry) : null;
        if (e164 is null)
        {
            errors.Add($"{Path}.phone", "Not a valid phone number; send it in international form, e.g. +31612345678.");
        }
        return e164;
    }

    private static string? Locale(string? value, IntakeErrors errors)
    {
        var locale = errors.Required(value, $"{Path}.locale", 35);
        if (locale is null)
        {
            return null;
        }
        var language = Locales.Reduce(locale);
        if (language is null)
        {
            errors.Add($"{Path}.locale", $"Unsupported; use one of {string.Join(", ", Locales.Supported)} (a region such as nl-NL is fine).");
        }
        return language;
    }

    private static string? TimeZone(string? value, IntakeErrors errors)
    {
        var zone = errors.Required(value, $"{Path}.timeZone", 64);
        if (zone is null)
        {
            return null;
        }
        var canonical = TimeZones.Canonical(zone);
        if (canonical is null)
        {
            var suggestion = TimeZones.FromWindows(zone) is { } iana ? $" (for this Windows zone send {iana})" : "";
            errors.Add($"{Path}.timeZone", $"Not an IANA time zone id such as Europe/Amsterdam{suggestion}.");
        }
        return canonical;
    }

    private static ConsentGrant? Consent(ConsentRequest? request, DateTimeOffset? placedAt, IntakeErrors errors)
    {
        if (request is null)
        {
            return ConsentGrant.None with { GrantedAt = placedAt };
        }
        var source = errors.Optional(request.Source, $"{Path}.consent.source", 50) ?? "checkout";
        var wording = errors.Optional(request.WordingVersion, $"{Path}.consent.wordingVersion", 50);
        return new ConsentGrant(request.Sms ?? false, request.WhatsApp ?? false, request.Marketing ?? false, source, wording, placedAt);
    }
}
