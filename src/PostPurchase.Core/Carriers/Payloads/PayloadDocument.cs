using System.Text.Json;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Carriers.Payloads;

/// <summary>Opens a webhook body as JSON and remembers the provider event id once it is known, so every error can carry it.</summary>
internal sealed class PayloadDocument : IDisposable
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, CommentHandling = JsonCommentHandling.Disallow };
    private readonly JsonDocument _document;

    private PayloadDocument(string provider, JsonDocument document)
    {
        Provider = provider;
        _document = document;
    }

    /// <summary>The provider whose payload this is, for error messages.</summary>
    public string Provider { get; }

    /// <summary>The provider's event id once read; attached to every later error.</summary>
    public string? EventId { get; set; }

    /// <summary>The top-level JSON object.</summary>
    public PayloadNode Root => new(_document.RootElement, "$", this);

    /// <summary>Parses <paramref name="body"/>; throws when it is not a JSON object.</summary>
    public static PayloadDocument Open(string provider, ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            throw new CarrierPayloadException($"The {provider} webhook body is empty; a JSON object was expected.");
        }
        if (!JsonText.IsText(body.Span))
        {
            // JSON text is UTF-8 (RFC 8259); the reader only notices bad bytes or a lone surrogate inside a string when the string is read.
            throw new CarrierPayloadException($"The {provider} webhook body is not valid text: bytes that are not UTF-8, or an escaped lone surrogate such as \\ud800.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, Options);
        }
        catch (JsonException ex)
        {
            throw new CarrierPayloadException(
                $"The {provider} webhook body is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}): {ex.Message}", ex);
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new CarrierPayloadException($"The {provider} webhook body must be a JSON object, not {Describe(kind)}.");
        }
        return new PayloadDocument(provider, document);
    }

    /// <summary>An error about the field at <paramref name="path"/>, carrying the event id when known.</summary>
    public CarrierPayloadException Fail(string path, string problem) =>
        new($"The {Provider} webhook field '{path}' {problem}.", EventId);

    /// <summary>How a JSON kind reads in an error message.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "missing",
    };

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();
}
