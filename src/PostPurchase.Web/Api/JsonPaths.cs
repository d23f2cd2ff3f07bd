using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PostPurchase.Web.Api;

/// <summary>Clears the value at a System.Text.Json error path, so that reading can go on and report the next bad field.</summary>
internal static partial class JsonPaths
{
    public static bool TryClear(JsonNode root, string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return false;
        }
        var segments = Segments(path);
        if (segments.Count == 0)
        {
            return false;
        }
        JsonNode? node = root;
        foreach (var segment in segments.SkipLast(1))
        {
            node = segment switch
            {
                string name when node is JsonObject o => Find(o, name),
                int index when node is JsonArray a && index < a.Count => a[index],
                _ => null,
            };
            if (node is null)
            {
                return false;
            }
        }
        switch (segments[^1])
        {
            case string name when node is JsonObject o && FindKey(o, name) is { } key:
                o.Remove(key);
                return true;
            case int index when node is JsonArray a && index < a.Count:
                a[index] = null;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The path's steps: property names (strings) and array indexes (ints).</summary>
    public static IReadOnlyList<object> Segments(string? path) =>
        string.IsNullOrEmpty(path) || path[0] != '$' ? [] :
        Segment().Matches(path[1..]).Select(m => m.Groups["name"].Success ? (object)m.Groups["name"].Value
            : m.Groups["quoted"].Success ? m.Groups["quoted"].Value
            : int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture)).ToList();

    // Property names match case-insensitively, like the deserializer.
    private static string? FindKey(JsonObject o, string name) =>
        o.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));

    private static JsonNode? Find(JsonObject o, string name) => FindKey(o, name) is { } key ? o[key] : null;

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\['(?<quoted>(?:[^']|'')*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Segment();
}
