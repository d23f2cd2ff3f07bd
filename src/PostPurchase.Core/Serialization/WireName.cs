using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostPurchase.Core.Serialization;

/// <summary>The wire name of an enum value, exactly as JSON shows it ("order-confirmation", "whatsapp").</summary>
public static class WireName
{
    private static readonly ConcurrentDictionary<Enum, string> Cache = new();

    /// <summary>Returns the kebab-case name, or the <see cref="JsonStringEnumMemberNameAttribute"/> override.</summary>
    public static string Of(Enum value) => Cache.GetOrAdd(value, static v =>
    {
        var name = v.ToString();
        var member = v.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static);
        var custom = member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>();
        return custom?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(name);
    });

    /// <summary>Parses a wire name back; false when it names no value of <typeparamref name="T"/>.</summary>
    public static bool TryParse<T>(string? wire, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (string.Equals(Of(candidate), wire, StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        }
        value = default;
        return false;
    }
}
