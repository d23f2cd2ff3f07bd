using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops.Mapping;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>The Shopify Admin API: product types and tags by GraphQL <c>nodes</c>, orders changed since a time, and one order as REST JSON.</summary>
internal sealed class ShopifyAdmin(HttpClient http, IOptionsMonitor<PostPurchaseOptions> options)
{
    /// <summary>The most ids one <c>nodes</c> query takes.</summary>
    public const int MaxIds = 250;

    private const string ProductsQuery = "query Products($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { legacyResourceId productType tags } } }";

    private const string OrdersQuery = "query Changed($query: String!, $after: String) { orders(first: 100, after: $after, sortKey: UPDATED_AT, query: $query) "
        + "{ edges { node { legacyResourceId updatedAt } } pageInfo { hasNextPage endCursor } } }";

    private ShopifyOptions Settings => options.CurrentValue.Shops.Shopify;

    /// <summary>True when a token and the store (or a base URL) are configured.</summary>
    public bool Configured => Settings.AdminBase is not null;

    /// <summary>Product type and tags of each product id found (deleted products are missing from the answer).</summary>
    public async Task<Dictionary<string, ProductFacts>> ProductsAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ProductFacts>(StringComparer.Ordinal);
        foreach (var batch in productIds.Distinct(StringComparer.Ordinal).Chunk(MaxIds))
        {
            var data = await GraphQlAsync(ProductsQuery, new JsonObject { ["ids"] = new JsonArray([.. batch.Select(id => (JsonNode)$"gid://shopify/Product/{id}")]) }, cancellationToken).ConfigureAwait(false);
            foreach (var node in data.GetProperty("nodes").EnumerateArray().Where(n => n.ValueKind == JsonValueKind.Object))
            {
                var id = node.GetProperty("legacyResourceId").GetString()!;
                var type = node.TryGetProperty("productType", out var t) ? t.GetString() : null;
                var tags = node.TryGetProperty("tags", out var g) && g.ValueKind == JsonValueKind.Array ? g.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
                found[id] = new ProductFacts(string.IsNullOrWhiteSpace(type) ? null : type, tags);
            }
        }
        return found;
    }

    /// <summary>One page of the ids of orders updated after <paramref name="since"/>, oldest change first.</summary>
    public async Task<(IReadOnlyList<(string Id, DateTimeOffset UpdatedAt)> Orders, string? Next)> ChangedOrdersAsync(DateTimeOffset since, string? after, CancellationToken cancellationToken)
    {
        var variables = new JsonObject { ["query"] = $"updated_at:>'{since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'", ["after"] = after };
        var orders = (await GraphQlAsync(OrdersQuery, variables, cancellationToken).ConfigureAwait(false)).GetProperty("orders");
        var list = orders.GetProperty("edges").EnumerateArray()
            .Select(e => e.GetProperty("node"))
            .Select(n => (n.GetProperty("legacyResourceId").GetString()!, n.GetProperty("updatedAt").GetDateTimeOffset()))
            .ToList();
        var page = orders.GetProperty("pageInfo");
        return (list, page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null);
    }

    /// <summary>The order as REST JSON (the webhooks' shape), or null when Shopify does not know it.</summary>
    public async Task<JsonDocument?> OrderAsync(string id, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"admin/api/{Settings.ApiVersion}/orders/{Uri.EscapeDataString(id)}.json");
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
        await ShopApiException.EnsureSuccessAsync("The Shopify Admin API", response, cancellationToken).ConfigureAwait(false);
        return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonElement> GraphQlAsync(string query, JsonObject variables, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Post, $"admin/api/{Settings.ApiVersion}/graphql.json");
        request.Content = JsonContent.Create(new JsonObject { ["query"] = query, ["variables"] = variables });
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await ShopApiException.EnsureSuccessAsync("The Shopify Admin API", response, cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = document.RootElement;
        if (root.TryGetProperty("errors", out var errors))
        {
            // GraphQL throttling answers 200 with a THROTTLED error.
            var text = errors.GetRawText();
            throw new ShopApiException($"The Shopify Admin API refused the query: {(text.Length > 300 ? text[..300] : text)}")
            {
                RetryAfter = text.Contains("THROTTLED", StringComparison.Ordinal) ? TimeSpan.FromSeconds(2) : null,
            };
        }
        return root.GetProperty("data").Clone();
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var baseUri = Settings.AdminBase ?? throw new InvalidOperationException("The Shopify Admin API is not configured (PostPurchase:Shops:Shopify:AdminToken and ShopDomain).");
        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.Add("X-Shopify-Access-Token", Settings.AdminToken);
        return request;
    }
}
