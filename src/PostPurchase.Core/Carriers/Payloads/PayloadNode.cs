using System.Globalization;
using System.Text.Json;

namespace PostPurchase.Core.Carriers.Payloads;

/// <summary>A JSON value with its path, whose accessors name the exact field in every error.</summary>
internal readonly record struct PayloadNode(JsonElement Element, string Path, PayloadDocument Document)
{
    /// <summary>The child object <paramref name="name"/>; throws when missing or not an object.</summary>
    public PayloadNode Object(string name) =>
        OptionalObject(name) ?? throw Document.Fail(ChildPath(name), "is missing; an object was expected");

    /// <summary>The child object <paramref name="name"/>, or null when missing or null.</summary>
    public PayloadNode? OptionalObject(string name) => Optional(name, JsonValueKind.Object, "an object");

    /// <summary>The elements of the array <paramref name="name"/>; empty when missing or null.</summary>
    public IReadOnlyList<PayloadNode> Array(string name)
    {
        if (Optional(name, JsonValueKind.Array, "an array") is not { } array)
        {
            return [];
        }
        var path = array.Path;
        var document = Document;
        return array.Element.EnumerateArray().Select((e, i) => new PayloadNode(e, $"{path}[{i}]", document)).ToList();
    }

    /// <summary>The non-blank text of <paramref name="name"/> (a string, or a number's digits); throws when missing.</summary>
    public string String(string name) =>
        OptionalString(name) ?? throw Document.Fail(ChildPath(name), "is missing or empty; a string was expected");

    /// <summary>The trimmed text of <paramref name="name"/>; null when missing, null or blank; throws on objects, arrays and booleans.</summary>
    public string? OptionalString(string name)
    {
        if (!TryChild(name, out var value))
        {
            return null;
        }
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Document.Fail(ChildPath(name), $"must be a string, not {PayloadDocument.Describe(value.ValueKind)}"),
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>The integer <paramref name="name"/> (a JSON number or a numeric string); null when missing.</summary>
    public long? OptionalInt64(string name)
    {
        if (!TryChild(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number))
        {
            return number;
        }
        if (value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out number))
        {
            return number;
        }
        throw Document.Fail(ChildPath(name), $"must be a whole number, not {PayloadDocument.Describe(value.ValueKind)}");
    }

    /// <summary>The time <paramref name="name"/> (ISO 8601 text or Unix seconds/milliseconds); null when missing; throws when unreadable.</summary>
    public DateTimeOffset? OptionalTime(string name, string? country = null)
    {
        if (!TryChild(name, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out var unix) && CarrierTime.TryFromUnix(unix, out var instant)
                ? instant
                : throw Document.Fail(ChildPath(name), "must be a whole number of Unix seconds or milliseconds between 1970 and 9999");
        }
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }
        return CarrierTime.TryParse(text, country, out var time)
            ? time
            : throw Document.Fail(ChildPath(name), $"is not a date/time in ISO 8601 form ('{Shorten(text)}')");
    }

    /// <summary>Cuts echoed input short so an error message stays readable.</summary>
    public static string Shorten(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "...");

    /// <summary>The JSON kind of the child <paramref name="name"/>; Undefined when missing.</summary>
    public JsonValueKind KindOf(string name) => TryChild(name, out var value) ? value.ValueKind : JsonValueKind.Undefined;

    /// <summary>The path of the child <paramref name="name"/>.</summary>
    public string ChildPath(string name) => Path == "$" ? name : $"{Path}.{name}";

    private PayloadNode? Optional(string name, JsonValueKind kind, string expected)
    {
        if (!TryChild(name, out var value))
        {
            return null;
        }
        if (value.ValueKind != kind)
        {
            throw Document.Fail(ChildPath(name), $"must be {expected}, not {PayloadDocument.Describe(value.ValueKind)}");
        }
        return new PayloadNode(value, ChildPath(name), Document);
    }

    private bool TryChild(string name, out JsonElement value)
    {
        if (Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }
        value = default;
        return false;
    }
}
