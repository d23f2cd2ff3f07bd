using System.Text.Json;
using System.Text.Unicode;

namespace PostPurchase.Core.Serialization;

/// <summary>Whether a JSON body is text all through: UTF-8, and no string escaping half a surrogate pair (such as <c>\ud800</c>).</summary>
public static class JsonText
{
    /// <summary>
    /// False when <paramref name="json"/> is not UTF-8 or a string or name in it escapes a lone surrogate. The JSON reader
    /// lets both through and fails only when such a string is read, deep in whatever parses the body; checked first, the body
    /// is refused as the caller's fault. Malformed JSON counts as text here: the parser names that error itself.
    /// </summary>
    public static bool IsText(ReadOnlySpan<byte> json)
    {
        if (!Utf8.IsValid(json))
        {
            return false;
        }
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 4096, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && reader.ValueIsEscaped)
                {
                    _ = reader.GetString();
                }
            }
        }
        catch (JsonException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        return true;
    }
}
