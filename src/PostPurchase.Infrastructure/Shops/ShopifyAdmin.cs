using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops.Mapping;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// The Shopify Admin API: product types and tags by GraphQL <c>nodes</c>, the ids of orders changed since a time (GraphQL, by
/// cursor), and those orders in the webhooks' REST shape. Throttling (429 with Retry-After, GraphQL <c>THROTTLED</c>) is waited out
/// when the caller has the patience, else reported with the wait asked.
/// </summary>
internal sealed class ShopifyAdmin(HttpClient http, IOptionsMonitor<PostPurchaseOptions> options, TimeProvider time)
{
    /// <summary>The most ids one <c>nodes</c> query or one REST <c>orders.json?ids=</c> call takes.</summary>
    public const int MaxIds = 250;

    /// <summary>Orders per catch-up page.</summary>
    public const int PageSize = 100;

    private const string Api = "The Shopify Admin API";
    private const int MaxThrottledAttempts = 5;

    private const string ProductsQuery = "query Products($ids: [ID!]!) { nodes(ids: $ids) { ... on Product { legacyResourceId productType tags } } }";

    private static readonly string OrdersQuery = "query Changed($query: String!, $after: String) { orders(first: " + PageSize.ToString(CultureInfo.InvariantCulture)
        + ", after: $after, sortKey: UPDATED_AT, query: $query) { edges { node { legacyResourceId updatedAt } } pageInfo { hasNextPage endCursor } } }";

    private ShopifyOptions Settings => options.CurrentValue.Shops.Shopify;

    /// <summary>True when a token and the store (or a base URL) are configured.</summary>
    public bool Configured => Settings.AdminBase is not null;

    /// <summary>Product type and tags of each product id found (deleted products are missing from the answer); never waits on throttling.</summary>
    public async Task<Dictionary<string, ProductFacts>> ProductsAsync(IReadOnlyList<string> productIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ProductFacts>(StringComparer.Ordinal);
        foreach (var batch in productIds.Distinct(StringComparer.Ordinal).Chunk(MaxIds))
        {
            var variables = new JsonObject { ["ids"] = new JsonArray([.. batch.Select(id => (JsonNode)$"gid://shopify/Product/{id}")]) };
            var data = await GraphQlAsync(ProductsQuery, variables, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
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

    /// <summary>One page of the ids of orders updated after <paramref name="since"/>, oldest change first, and the cursor of the next page.</summary>
    public async Task<(IReadOnlyList<string> Ids, string? Next)> ChangedOrdersAsync(DateTimeOffset since, string? after, CancellationToken cancellationToken)
    {
        var variables = new JsonObject
        {
            ["query"] = string.Create(CultureInfo.InvariantCulture, $"updated_at:>'{since.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}'"),
            ["after"] = after,
        };
        var orders = (await GraphQlAsync(OrdersQuery, variables, ShopApiRetry.PollPatience, cancellationToken).ConfigureAwait(false)).GetProperty("orders");
        var ids = orders.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("legacyResourceId").GetString()!).ToList();
        var page = orders.GetProperty("pageInfo");
        return (ids, page.GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("endCursor").GetString() : null);
    }

    /// <summary>
    /// The orders among <paramref name="ids"/> in the REST shape webhooks carry (<c>orders.json?ids=</c>, every status: by default
    /// Shopify lists open orders only); orders Shopify no longer knows are missing from the answer.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> OrdersAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var orders = new List<JsonElement>(ids.Count);
        foreach (var batch in ids.Chunk(MaxIds))
        {
            var path = $"admin/api/{Settings.ApiVersion}/orders.json?ids={string.Join(',', batch.Select(Uri.EscapeDataString))}&status=any&limit={MaxIds}";
            using var response = await ShopApiRetry.SendAsync(http, () => Request(HttpMethod.Get, path), time, ShopApiRetry.PollPatience, cancellationToken).ConfigureAwait(false);
            await ShopApiException.EnsureSuccessAsync(Api, response, time, cancellationToken, Hint).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!document.RootElement.TryGetProperty("orders", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                throw new ShopApiException($"{Api} answered orders.json without an 'orders' list.");
            }
            orders.AddRange(list.EnumerateArray().Select(o => o.Clone()));
        }
        return orders;
    }

    private async Task<JsonElement> GraphQlAsync(string query, JsonObject variables, TimeSpan patience, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString();
        var path = $"admin/api/{Settings.ApiVersion}/graphql.json";
        for (var attempt = 1; ; attempt++)
        {
            using var response = await ShopApiRetry.SendAsync(http, () => Request(HttpMethod.Post, path, body), time, patience, cancellationToken).ConfigureAwait(false);
            await ShopApiException.EnsureSuccessAsync(Api, response, time, cancellationToken, Hint).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            var root = document.RootElement;
            if (!root.TryGetProperty("errors", out var errors))
            {
                return root.GetProperty("data").Clone();
            }
            // GraphQL throttling answers 200 with a THROTTLED error and the bucket's state, from which the wait follows.
            var wait = ShopifyThrottle.Wait(root);
            if (wait is { } w && w <= patience && attempt < MaxThrottledAttempts)
            {
                await Task.Delay(w, time, cancellationToken).ConfigureAwait(false);
                continue;
            }
            var text = errors.GetRawText();
            throw new ShopApiException($"{Api} refused the query: {(text.Length > 300 ? text[..300] : text)}") { RetryAfter = wait };
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, string? json = null)
    {
        var baseUri = Settings.AdminBase ?? throw new InvalidOperationException("The Shopify Admin API is not configured (PostPurchase:Shops:Shopify:AdminToken and ShopDomain).");
        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        request.Headers.Add("X-Shopify-Access-Token", Settings.AdminToken);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        return request;
    }

    private static string? Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Check PostPurchase__Shops__Shopify__AdminToken: the custom app's Admin API access token (shpat_...).",
        HttpStatusCode.Forbidden => "The app lacks an Admin API scope: read_orders, read_fulfillments and read_products.",
        HttpStatusCode.NotFound => "Check PostPurchase__Shops__Shopify__ShopDomain (your-store.myshopify.com) and __ApiVersion.",
        _ => null,
    };
}
