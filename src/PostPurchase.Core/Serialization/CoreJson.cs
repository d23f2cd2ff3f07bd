using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostPurchase.Core.Serialization;

/// <summary>The one JSON shape of PostPurchase: camelCase, enums as kebab-case strings, ISO 8601 times.</summary>
public static class CoreJson
{
    /// <summary>Options for the API, stored state and durable payloads alike.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies PostPurchase's conventions to existing options (e.g. ASP.NET Core's).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
