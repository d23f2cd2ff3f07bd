using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Web.Api;

/// <summary>Reads a JSON body into <typeparamref name="T"/>, turning every way it can fail into a problem that names each bad field.</summary>
public static class JsonBody
{
    private const int MaxTypeErrors = 50;

    /// <summary>The parsed body, or the problem to answer with: 413, malformed JSON, or 400 naming every field of the wrong type.</summary>
    /// <param name="validate">When fields have the wrong type, also reports this validator's errors on the rest of the body.</param>
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(
        HttpRequest request, CancellationToken cancellationToken, bool allowEmpty = false,
        Func<T, IReadOnlyDictionary<string, string[]>>? validate = null)
        where T : class
    {
        var bytes = await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new(null, ApiProblems.TooLarge());
        }
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty ? new(null, null) : new(null, ApiProblems.Invalid("body", "A JSON object is required."));
        }
        JsonNode? root;
        try
        {
            // A name given twice is refused here: which value counts would otherwise depend on the reader.
            root = JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            return new(null, ApiProblems.Invalid(FieldOf(ex.Path), $"Malformed JSON{Where(ex)}.", "The body is not valid JSON."));
        }
        if (root is not JsonObject)
        {
            return new(null, ApiProblems.Invalid("body", $"A JSON object is required, not {(root is null ? "null" : root.GetValueKind().ToString().ToLowerInvariant())}."));
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        for (var attempt = 0; attempt <= MaxTypeErrors; attempt++)
        {
            try
            {
                var value = root.Deserialize<T>(CoreJson.Options)!;
                if (errors.Count == 0)
                {
                    return new(value, null);
                }
                foreach (var (field, messages) in validate?.Invoke(value) ?? new Dictionary<string, string[]>())
                {
                    if (!errors.Keys.Any(bad => field == bad || field.StartsWith(bad + ".", StringComparison.Ordinal) || field.StartsWith(bad + "[", StringComparison.Ordinal)))
                    {
                        errors[field] = messages;
                    }
                }
                break;
            }
            catch (JsonException ex)
            {
                var field = FieldOf(ex.Path);
                errors[field] = [JsonTypeNames.Expectation(typeof(T), ex.Path)];
                if (!JsonPaths.TryClear(root, ex.Path))
                {
                    break;
                }
            }
            catch (InvalidOperationException)
            {
                // The reader parses an escaped lone surrogate but cannot turn it into a string once the edited node is read back.
                return new(null, ApiProblems.Invalid("body", "The body holds an escaped lone surrogate (such as \\ud800), which is not text; nothing was stored."));
            }
        }
        return new(null, ApiProblems.Invalid(errors, "Some fields have the wrong type or format; nothing was stored. See 'errors' for each one."));
    }

    /// <summary>Turns a System.Text.Json path ("$.items[1].quantity") into the API's field name ("items[1].quantity").</summary>
    public static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }
        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Length == 0 ? "body" : field;
    }

    private static string Where(JsonException ex) =>
        ex.LineNumber is { } line ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}" : "";
}

/// <summary>A parsed body or the problem that prevented it; both null means an allowed empty body.</summary>
public sealed record JsonBodyResult<T>(T? Value, ProblemHttpResult? Problem) where T : class;
