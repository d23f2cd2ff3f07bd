using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Host.Tests.Support;

/// <summary>JSON helpers: bodies as the API's wire shape, and responses as nodes to assert on.</summary>
internal static class Json
{
    /// <summary>An order as the intake body a shop would post.</summary>
    public static StringContent Intake(Order order) => Body(JsonSerializer.Serialize(order, CoreJson.Options));

    public static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("Empty JSON response.");
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<T>(CoreJson.Options) ?? throw new InvalidOperationException("Empty JSON response.");

    /// <summary>The field names of a validation problem's <c>errors</c>.</summary>
    public static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        var node = await ReadAsync(response);
        return node["errors"]?.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal).ToList() ?? [];
    }
}
