using System.Globalization;
using System.Text.Json;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Shops;

/// <summary>Tolerant reads of shop payloads: ids as text, money as numbers or strings, every field optional unless asked for.</summary>
internal static class ShopJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>Parses a body that must be a JSON object; throws <see cref="ShopPayloadException"/> naming the platform otherwise.</summary>
    public static JsonDocument Open(string platform, ReadOnlyMemory<byte> body)
    {
        if (!JsonText.IsText(body.Span))
        {
            // JSON text is UTF-8 (RFC 8259); the reader only notices bad bytes or a lone surrogate inside a string when the string is read.
            throw new ShopPayloadException($"The {platform} delivery is not valid text: bytes that are not UTF-8, or an escaped lone surrogate such as \\ud800.");
        }
        try
        {
            var document = JsonDocument.Parse(body, Options);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new ShopPayloadException($"The {platform} delivery is not a JSON object.");
            }
            return document;
        }
        catch (JsonException ex)
        {
            throw new ShopPayloadException($"The {platform} delivery is not valid JSON: {ex.Message}", ex);
        }
    }

    public static JsonElement? Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static IEnumerable<JsonElement> Arr(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];

    /// <summary>A string, or a number's exact text; null when missing, null or blank.</summary>
    public static string? Str(this JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }
        var text = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>A required id (number or string) as text, exactly as sent: never through a double.</summary>
    public static string Id(this JsonElement e, string name, string platform, string path) =>
        e.Str(name) ?? throw new ShopPayloadException($"The {platform} field '{path}' is missing or empty; an id was expected.");

    public static decimal? Dec(this JsonElement e, string name)
    {
        var text = e.Str(name);
        return text is not null && decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    public static int? Int(this JsonElement e, string name)
    {
        var d = e.Dec(name);
        return d is { } v && v == Math.Truncate(v) && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;
    }

    public static bool? Bool(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    /// <summary>An ISO 8601 time; one without an offset (WooCommerce <c>*_gmt</c>) is read as UTC. Any number of fraction digits.</summary>
    public static DateTimeOffset? Time(this JsonElement e, string name) => ParseTime(e.Str(name));

    public static DateTimeOffset? ParseTime(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix))
        {
            return unix is > 0 and < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(unix) : null;
        }
        // DateTimeOffset.Parse keeps at most 7 fraction digits; Shopify's Triggered-At has 9.
        var trimmed = TrimFraction(text);
        return DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;
    }

    /// <summary>A required time, or a <see cref="ShopPayloadException"/> naming the field.</summary>
    public static DateTimeOffset RequiredTime(this JsonElement e, string name, string platform, string path) =>
        e.Time(name) ?? throw new ShopPayloadException($"The {platform} field '{path}' is missing or not a time.");

    private static string TrimFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return text;
        }
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }
        return end - dot - 1 <= 7 ? text : string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
    }
}
