using System.Text.Json;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Studio;

/// <summary>The settings document as JSON, for export and import: the API's JSON shape, indented for review in git.</summary>
public static class StudioJson
{
    private static readonly JsonSerializerOptions Indented = new(CoreJson.Options) { WriteIndented = true };

    /// <summary>The document, indented.</summary>
    public static string Write(StudioSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return JsonSerializer.Serialize(settings.Normalized(), Indented);
    }

    /// <summary>Reads and validates a document; the settings are null and the errors say why when it cannot be used.</summary>
    public static (StudioSettings? Settings, IReadOnlyList<SettingsError> Errors) Read(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
            return (null, [new SettingsError("$", "The document is empty; export the current settings for an example.")]);
        StudioSettings? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<StudioSettings>(json, CoreJson.Options);
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) ? "$" : e.Path.TrimStart('$', '.');
            var reason = e.Message.Split(" Path:", 2)[0];
            return (null, [new SettingsError(path, reason, e.LineNumber is { } l ? (int)l + 1 : null, e.BytePositionInLine is { } c ? (int)c + 1 : null)]);
        }
        if (parsed is null)
            return (null, [new SettingsError("$", "The document is null; it must be an object with branding, policy, templates and whatsAppTemplates.")]);
        var settings = parsed.Normalized();
        var errors = StudioValidator.Validate(settings);
        return errors.Count == 0 ? (settings, errors) : (null, errors);
    }
}
