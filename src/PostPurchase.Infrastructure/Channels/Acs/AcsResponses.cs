using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>Reads ACS answers: operation statuses and error bodies (which never carry credentials).</summary>
internal static class AcsResponses
{
    /// <summary>camelCase JSON without nulls, as the ACS REST API expects.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The operation status in a 200/202 body, or null when the body is not one.</summary>
    public static async Task<AcsOperationStatus?> ReadStatusAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<AcsOperationStatus>(Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A one-line description of an error answer: status, ACS error code and message.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        AcsErrorResponse? error = null;
        try
        {
            error = await response.Content.ReadFromJsonAsync<AcsErrorResponse>(Json, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
        }
        var code = error?.Error?.Code ?? (response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null);
        return $"ACS {what} answered HTTP {(int)response.StatusCode} {code ?? "no code"}: {error?.Error?.Message ?? response.ReasonPhrase}";
    }
}
