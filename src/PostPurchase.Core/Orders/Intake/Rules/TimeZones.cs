using System.Collections.Frozen;
using NodaTime;
using NodaTime.TimeZones;

namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>IANA time zone ids from the TZDB shipped with NodaTime, matched case-insensitively.</summary>
internal static class TimeZones
{
    private static readonly Lazy<FrozenDictionary<string, string>> Ids = new(() =>
        DateTimeZoneProviders.Tzdb.Ids.ToFrozenDictionary(id => id, id => id, StringComparer.OrdinalIgnoreCase));

    /// <summary>The id as the TZDB spells it, or null when it is not an IANA id.</summary>
    public static string? Canonical(string id) => Ids.Value.GetValueOrDefault(id.Trim());

    /// <summary>The IANA id a Windows id (e.g. "W. Europe Standard Time") stands for, to suggest it; else null.</summary>
    public static string? FromWindows(string id) =>
        TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping.TryGetValue(id.Trim(), out var iana) ? iana : null;
}
