using System.Collections.Frozen;
using NodaTime.TimeZones;

namespace PostPurchase.Core.Shops.Mapping;

/// <summary>The buyer's time zone from the shipping country, and the region where a country spans several zones.</summary>
internal static class BuyerZones
{
    /// <summary>Countries with several zones in the TZDB where one covers nearly every buyer.</summary>
    private static readonly FrozenDictionary<string, string> Main = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["DE"] = "Europe/Berlin", ["ES"] = "Europe/Madrid", ["PT"] = "Europe/Lisbon", ["UA"] = "Europe/Kyiv", ["CY"] = "Asia/Nicosia",
        ["NZ"] = "Pacific/Auckland", ["CL"] = "America/Santiago", ["EC"] = "America/Guayaquil", ["MY"] = "Asia/Kuala_Lumpur",
        ["CN"] = "Asia/Shanghai", ["DK"] = "Europe/Copenhagen", ["NL"] = "Europe/Amsterdam", ["FR"] = "Europe/Paris", ["GB"] = "Europe/London",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Regions with their own zone, keyed "country-region" (US states, Canadian provinces, Australian states, Spanish and Portuguese islands).</summary>
    private static readonly FrozenDictionary<string, string> Regions = Build();

    private static readonly Lazy<FrozenDictionary<string, string>> SingleZone = new(() =>
        TzdbDateTimeZoneSource.Default.ZoneLocations!
            .GroupBy(l => l.CountryCode, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => g.Single().ZoneId, StringComparer.OrdinalIgnoreCase));

    /// <summary>The IANA zone for the country (ISO alpha-2) and region, or null when it cannot be told.</summary>
    public static string? For(string? country, string? region)
    {
        if (string.IsNullOrWhiteSpace(country))
        {
            return null;
        }
        var code = country.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(region) && Regions.TryGetValue($"{code}-{region.Trim().ToUpperInvariant()}", out var regional))
        {
            return regional;
        }
        return Main.GetValueOrDefault(code) ?? SingleZone.Value.GetValueOrDefault(code);
    }

    private static FrozenDictionary<string, string> Build()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Add(string country, string zone, string regions)
        {
            foreach (var r in regions.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[$"{country}-{r}"] = zone;
            }
        }
        // US: the zone most of each state's people live in.
        Add("US", "America/New_York", "CT DE DC FL GA ME MD MA NH NJ NY NC OH PA RI SC VT VA WV");
        Add("US", "America/Detroit", "MI");
        Add("US", "America/Indiana/Indianapolis", "IN");
        Add("US", "America/Kentucky/Louisville", "KY");
        Add("US", "America/Chicago", "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI");
        Add("US", "America/Denver", "CO MT NM UT WY");
        Add("US", "America/Boise", "ID");
        Add("US", "America/Phoenix", "AZ");
        Add("US", "America/Los_Angeles", "CA NV OR WA");
        Add("US", "America/Anchorage", "AK");
        Add("US", "Pacific/Honolulu", "HI");
        Add("US", "America/Puerto_Rico", "PR");
        Add("CA", "America/Toronto", "ON QC");
        Add("CA", "America/Halifax", "NS NB PE");
        Add("CA", "America/St_Johns", "NL");
        Add("CA", "America/Winnipeg", "MB");
        Add("CA", "America/Regina", "SK");
        Add("CA", "America/Edmonton", "AB NT");
        Add("CA", "America/Vancouver", "BC");
        Add("CA", "America/Whitehorse", "YT");
        Add("CA", "America/Iqaluit", "NU");
        Add("AU", "Australia/Sydney", "NSW ACT");
        Add("AU", "Australia/Melbourne", "VIC");
        Add("AU", "Australia/Brisbane", "QLD");
        Add("AU", "Australia/Adelaide", "SA");
        Add("AU", "Australia/Darwin", "NT");
        Add("AU", "Australia/Perth", "WA");
        Add("AU", "Australia/Hobart", "TAS");
        Add("ES", "Atlantic/Canary", "GC TF CN");
        Add("PT", "Atlantic/Madeira", "30");
        Add("PT", "Atlantic/Azores", "20");
        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
