using System.Text.Json;
using System.Text.Json.Nodes;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Studio;

/// <summary>One value that differs between two settings documents, by JSON path; null for a value that is absent on that side.</summary>
public sealed record SettingsChange(string Path, string? Before, string? After);

/// <summary>Compares two settings documents value by value, so a version can show what it changed.</summary>
public static class SettingsDiff
{
    /// <summary>Every path whose value differs, in path order.</summary>
    public static IReadOnlyList<SettingsChange> Between(StudioSettings before, StudioSettings after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = Flatten(before);
        var b = Flatten(after);
        return a.Keys.Union(b.Keys, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(path => new SettingsChange(path, a.GetValueOrDefault(path), b.GetValueOrDefault(path)))
            .Where(c => c.Before != c.After)
            .ToList();
    }

    /// <summary>Path to value (as JSON text, strings unquoted) of every leaf; lists are one value.</summary>
    public static IReadOnlyDictionary<string, string> Flatten(StudioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var node = JsonSerializer.SerializeToNode(settings.Normalized(), CoreJson.Options);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(node, "", result);
        return result;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> result)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    Walk(child, path.Length == 0 ? name : $"{path}.{name}", result);
                break;
            case JsonArray array:
                result[path] = array.ToJsonString(CoreJson.Options);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                result[path] = value.GetValue<string>();
                break;
            case null:
                break;
            default:
                result[path] = node.ToJsonString(CoreJson.Options);
                break;
        }
    }
}
