using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using WireMock;

namespace PostPurchase.Testing.Shops;

/// <summary>
/// The Shopware 6 Admin API: client-credentials tokens (<c>/api/oauth/token</c>, 600 s) required as Bearer on every search,
/// <c>POST /api/search/order</c> with either <c>ids</c> (every one found, no paging) or filters with <c>limit</c> (the shop's
/// <see cref="MaxLimit"/> when absent, 400 above it), <c>page</c> and a <c>total</c> that is exact only with
/// <c>total-count-mode</c> 1 (else the page's own count); associations not asked for come back null; unknown routes 404.
/// Kinds: <c>token</c>, <c>search</c>.
/// </summary>
public sealed class ShopwareAdminStub(string clientId, string clientSecret, TimeProvider? clock = null) : PlatformStub(clock)
{
    private static readonly string[] AssociationFields = ["lineItems", "currency", "orderCustomer", "stateMachineState", "language", "billingAddress", "transactions", "deliveries"];
    private readonly ConcurrentDictionary<string, JsonObject> _orders = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _tokens = new(StringComparer.Ordinal);
    private int _issued;

    /// <summary>The shop's <c>shopware.api.max_limit</c>.</summary>
    public int MaxLimit { get; set; } = 100;

    /// <summary>How many tokens were issued.</summary>
    public int TokensIssued => _issued;

    /// <summary>Knows the order (as the Admin API writes it with every association), replacing an earlier version of it.</summary>
    public void AddOrder(JsonObject order) => _orders[order["id"]!.GetValue<string>()] = order;

    /// <summary>Invalidates every token issued so far (an integration's key was rotated).</summary>
    public void RevokeTokens() => _tokens.Clear();

    protected override string? Kind(IRequestMessage request) => (request.Method, request.Path) switch
    {
        ("POST", "/api/oauth/token") => "token",
        ("POST", "/api/search/order") => "search",
        _ => null,
    };

    protected override StubAnswer Answer(IRequestMessage request, string kind)
    {
        if (kind == "token")
        {
            var grant = JsonNode.Parse(request.Body ?? "{}");
            if (grant?["grant_type"]?.GetValue<string>() != "client_credentials" || grant["client_id"]?.GetValue<string>() != clientId
                || grant["client_secret"]?.GetValue<string>() != clientSecret)
            {
                Problem("token: not a client_credentials grant with the integration's id and secret");
                return Error(401, "The client credentials are invalid.");
            }
            var token = $"sw-token-{Interlocked.Increment(ref _issued)}";
            _tokens[token] = true;
            return new StubAnswer(200, $$"""{"token_type":"Bearer","expires_in":600,"access_token":"{{token}}"}""");
        }
        var bearer = Header(request, "Authorization");
        if (bearer is null || !bearer.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.ContainsKey(bearer["Bearer ".Length..]))
        {
            return Error(401, "The resource owner or authorization server denied the request.");
        }
        return Search(JsonNode.Parse(request.Body ?? "{}")!.AsObject());
    }

    protected override StubAnswer NoRoute(IRequestMessage request) => Error(404, $"No route found for \"{request.Method} {request.Path}\"");

    private StubAnswer Search(JsonObject criteria)
    {
        List<JsonObject> found;
        int total;
        if (criteria["ids"] is JsonArray ids)
        {
            // With ids Shopware skips limit, page and total-count-mode: every id found comes back.
            found = [.. ids.Select(i => _orders.GetValueOrDefault(i!.GetValue<string>())).OfType<JsonObject>()];
            total = found.Count;
        }
        else
        {
            var limit = criteria["limit"]?.GetValue<int>() ?? MaxLimit;
            if (limit > MaxLimit)
            {
                Problem($"search: limit {limit} above the shop's max_limit {MaxLimit}");
                return Error(400, $"The limit must be lower than or equal to {MaxLimit}.", "FRAMEWORK__QUERY_LIMIT_EXCEEDED");
            }
            var page = criteria["page"]?.GetValue<int>() ?? 1;
            var matching = _orders.Values.Where(o => Matches(o, criteria["filter"] as JsonArray))
                .OrderBy(o => Time(o["createdAt"])).ThenBy(o => o["id"]!.GetValue<string>(), StringComparer.Ordinal).ToList();
            found = [.. matching.Skip((page - 1) * limit).Take(limit)];
            var exact = criteria["total-count-mode"]?.ToString() is "1" or "exact";
            total = exact ? matching.Count : found.Count;
        }
        var asked = criteria["associations"] as JsonObject;
        var data = new JsonArray([.. found.Select(o => (JsonNode)Trim(o, asked))]);
        return new StubAnswer(200, new JsonObject { ["total"] = total, ["data"] = data, ["aggregations"] = new JsonArray() }.ToJsonString());
    }

    /// <summary>Supports what an order poll filters by: a multi (or/and) of range filters with gte on order fields and to-many associations.</summary>
    private bool Matches(JsonObject order, JsonArray? filters)
    {
        if (filters is null)
        {
            return true;
        }
        return filters.All(f => f is JsonObject filter && Matches(order, filter));
    }

    private bool Matches(JsonObject order, JsonObject filter)
    {
        switch (filter["type"]?.GetValue<string>())
        {
            case "multi":
                var parts = filter["queries"]!.AsArray().Select(q => Matches(order, q!.AsObject())).ToList();
                return filter["operator"]?.GetValue<string>()?.ToUpperInvariant() == "OR" ? parts.Any(p => p) : parts.All(p => p);
            case "range" when (filter["parameters"] as JsonObject)?.TryGetPropertyValue("gte", out var gte) == true:
                var from = Time(gte);
                var field = filter["field"]!.GetValue<string>();
                var path = field.Split('.');
                IEnumerable<JsonNode?> values = path.Length == 1 ? [order[field]] : (order[path[0]] as JsonArray)?.Select(a => a?[path[1]]) ?? [];
                return values.Any(v => v is not null && Time(v) >= from);
            default:
                Problem($"search: filter not supported by the stub: {filter.ToJsonString()}");
                return false;
        }
    }

    private static JsonObject Trim(JsonObject order, JsonObject? asked)
    {
        var copy = order.DeepClone().AsObject();
        foreach (var field in AssociationFields.Where(f => asked?[f] is null))
        {
            copy[field] = null;
        }
        return copy;
    }

    private static DateTimeOffset Time(JsonNode? value) => value is null ? DateTimeOffset.MinValue
        : DateTimeOffset.Parse(value.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static StubAnswer Error(int status, string detail, string? code = null) =>
        new(status, new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject
            {
                ["status"] = status.ToString(CultureInfo.InvariantCulture), ["code"] = code ?? status.ToString(CultureInfo.InvariantCulture), ["detail"] = detail,
            }),
        }.ToJsonString());
}
