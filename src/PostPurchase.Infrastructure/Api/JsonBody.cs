using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Infrastructure.Api;

/// <summary>Reads a JSON body into <typeparamref name="T"/>, turning every way it can fail into a problem that names the field.</summary>
public static class JsonBody
{
    /// <summary>The parsed body, or the problem to answer with (400 naming the field, or 413).</summary>
    public static async Task<JsonBodyResult<T>> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken, bool allowEmpty = false)
        where T : class
    {
        var bytes = await RequestBody.ReadAsync(request, cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return new JsonBodyResult<T>(null, ApiProblems.TooLarge());
        }
        if (bytes.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            return allowEmpty
                ? new JsonBodyResult<T>(null, null)
                : new JsonBodyResult<T>(null, ApiProblems.Invalid("body", "A JSON object is required."));
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(bytes, CoreJson.Options);
            return value is null
                ? new JsonBodyResult<T>(null, ApiProblems.Invalid("body", "A JSON object is required, not null."))
                : new JsonBodyResult<T>(value, null);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var where = ex.LineNumber is { } line ? $" (line {line + 1}, byte {ex.BytePositionInLine + 1})" : "";
            var message = ex.InnerException is null && ex.Message.Contains("invalid", StringComparison.OrdinalIgnoreCase)
                ? $"Malformed JSON{where}."
                : $"The value has the wrong type or format{where}.";
            return new JsonBodyResult<T>(null, ApiProblems.Invalid(field, message, "The body could not be read as JSON of the expected shape."));
        }
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
}

/// <summary>A parsed body or the problem that prevented it; both null means an allowed empty body.</summary>
public sealed record JsonBodyResult<T>(T? Value, ProblemHttpResult? Problem) where T : class;
