namespace PostPurchase.Core.Policies;

/// <summary>Per-country quiet hours for SMS/WhatsApp, in the customer's local time.</summary>
public sealed record QuietHoursPolicy
{
    /// <summary>The rule for countries not listed.</summary>
    public QuietHoursRule Default { get; init; } = new();

    /// <summary>Rules by ISO country code (the shipping address country); merchants may override.</summary>
    public Dictionary<string, QuietHoursRule> Countries { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = new(), ["CA"] = new(), ["GB"] = new(), ["UK"] = new(), ["IE"] = new(),
        ["DE"] = new(), ["NL"] = new(), ["AU"] = new(), ["NZ"] = new(),
        ["FR"] = new() { LatestHour = 22, NoSundays = true, NoPublicHolidays = true },
    };
}

/// <summary>Texts only from <see cref="EarliestHour"/>:00 to <see cref="LatestHour"/>:00 local time, optionally never on Sundays or public holidays.</summary>
public sealed record QuietHoursRule
{
    /// <summary>First allowed local hour.</summary>
    public int EarliestHour { get; init; } = 8;

    /// <summary>No text at or after this local hour.</summary>
    public int LatestHour { get; init; } = 21;

    /// <summary>No texts on Sundays.</summary>
    public bool NoSundays { get; init; }

    /// <summary>No texts on the country's public holidays (computed; France is built in).</summary>
    public bool NoPublicHolidays { get; init; }
}
