using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;

namespace PostPurchase.Testing.Shops;

/// <summary>
/// The Shopify Admin API as a custom app sees it: <c>X-Shopify-Access-Token</c> on every call (401 otherwise), GraphQL
/// <c>nodes</c> for products and <c>orders(first:, after:, query: "updated_at:>'...'")</c> with opaque cursors and pageInfo,
/// REST <c>orders.json?ids=</c> (open orders only unless <c>status=any</c>) and <c>orders/{id}.json</c>, and 404 for any order
/// or route it does not know. Kinds: <c>graphql:products</c>, <c>graphql:orders</c>, <c>rest:orders</c>, <c>rest:order</c>.
/// </summary>
public sealed partial class ShopifyAdminStub(string token, string apiVersion = "2025-10", TimeProvider? clock = null) : PlatformStub(clock)
{
    private const int MaxPage = 250;
    private readonly ConcurrentDictionary<string, JsonObject> _orders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string? Type, string[] Tags)> _products = new(StringComparer.Ordinal);

    /// <summary>Knows the order (REST shape, with <c>id</c> and <c>updated_at</c>), replacing an earlier version of it.</summary>
    public void AddOrder(JsonObject order) => _orders[order["id"]!.ToString()] = order;

    /// <summary>Knows the product.</summary>
    public void AddProduct(string id, string? productType, params string[] tags) => _products[id] = (productType, tags);

    protected override string? Kind(IRequestMessage request)
    {
        var prefix = $"/admin/api/{apiVersion}/";
        if (!request.Path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var rest = request.Path[prefix.Length..];
        return (request.Method, rest) switch
        {
            ("POST", "graphql.json") => request.Body?.Contains("nodes(", StringComparison.Ordinal) == true ? "graphql:products" : "graphql:orders",
            ("GET", "orders.json") => "rest:orders",
            ("GET", _) when OrderPath().IsMatch(rest) => "rest:order",
            _ => null,
        };
    }

    protected override StubAnswer Answer(IRequestMessage request, string kind)
    {
        if (Header(request, "X-Shopify-Access-Token") != token)
        {
            Problem($"{kind}: no or wrong X-Shopify-Access-Token");
            return new StubAnswer(401, """{"errors":"[API] Invalid API key or access token (unrecognized login or wrong password)"}""");
        }
        return kind switch
        {
            "graphql:products" => Products(request),
            "graphql:orders" => OrdersQuery(request),
            "rest:orders" => OrdersList(request),
            _ => _orders.TryGetValue(OrderPath().Match(request.Path[$"/admin/api/{apiVersion}/".Length..]).Groups[1].Value, out var order)
                ? new StubAnswer(200, new JsonObject { ["order"] = order.DeepClone() }.ToJsonString())
                : new StubAnswer(404, """{"errors":"Not Found"}"""),
        };
    }

    protected override StubAnswer NoRoute(IRequestMessage request) => new(404, """{"errors":"Not Found"}""");

    private StubAnswer Products(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}")!;
        var ids = body["variables"]?["ids"]?.AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];
        if (ids.Count is 0 or > MaxPage || ids.Any(i => !i.StartsWith("gid://shopify/Product/", StringComparison.Ordinal)))
        {
            Problem($"graphql:products: ids must be 1 to {MaxPage} product gids, got {string.Join(',', ids)}");
        }
        var nodes = new JsonArray([.. ids.Select(gid => _products.TryGetValue(gid.Split('/')[^1], out var p)
            ? (JsonNode)new JsonObject { ["legacyResourceId"] = gid.Split('/')[^1], ["productType"] = p.Type ?? "", ["tags"] = new JsonArray([.. p.Tags.Select(t => (JsonNode)t)]) }
            : null)]);
        return Data(new JsonObject { ["nodes"] = nodes }, ids.Count + 1);
    }

    private StubAnswer OrdersQuery(IRequestMessage request)
    {
        var body = JsonNode.Parse(request.Body ?? "{}")!;
        var query = body["query"]?.GetValue<string>() ?? "";
        var first = FirstArgument().Match(query) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var filter = UpdatedAfter().Match(body["variables"]?["query"]?.GetValue<string>() ?? "");
        if (!query.Contains("sortKey: UPDATED_AT", StringComparison.Ordinal) || first is < 1 or > MaxPage || !filter.Success)
        {
            Problem($"graphql:orders: expected orders(first: 1..{MaxPage}, sortKey: UPDATED_AT, query: \"updated_at:>'<time>'\"), got {request.Body}");
            return new StubAnswer(200, """{"errors":[{"message":"Field 'orders' is missing required arguments"}]}""");
        }
        var since = DateTimeOffset.Parse(filter.Groups[1].Value, CultureInfo.InvariantCulture);
        var changed = _orders.Values.Select(o => (Id: o["id"]!.ToString(), At: DateTimeOffset.Parse(o["updated_at"]!.GetValue<string>(), CultureInfo.InvariantCulture)))
            .Where(o => o.At > since).OrderBy(o => o.At).ThenBy(o => o.Id, StringComparer.Ordinal).ToList();
        var after = body["variables"]?["after"]?.GetValue<string>();
        var start = after is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(after)).Split(':')[1], CultureInfo.InvariantCulture) + 1;
        var page = changed.Skip(start).Take(first).ToList();
        var edges = new JsonArray([.. page.Select((o, i) => (JsonNode)new JsonObject
        {
            ["cursor"] = Cursor(start + i),
            ["node"] = new JsonObject { ["legacyResourceId"] = o.Id, ["updatedAt"] = o.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) },
        })]);
        var info = new JsonObject { ["hasNextPage"] = start + page.Count < changed.Count, ["endCursor"] = page.Count > 0 ? Cursor(start + page.Count - 1) : null };
        return Data(new JsonObject { ["orders"] = new JsonObject { ["edges"] = edges, ["pageInfo"] = info } }, first + 2);
    }

    private StubAnswer OrdersList(IRequestMessage request)
    {
        var ids = (Query(request, "ids") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var limit = int.TryParse(Query(request, "limit"), CultureInfo.InvariantCulture, out var l) ? l : 50;
        if (ids.Length == 0 || limit > MaxPage || ids.Length > limit)
        {
            Problem($"rest:orders: expected ids= (at most limit={limit} of them, limit at most {MaxPage}), got {request.Url}");
        }
        if (limit > MaxPage)
        {
            return new StubAnswer(400, """{"errors":{"limit":["must be less than or equal to 250"]}}""");
        }
        // Without status=any Shopify lists open orders only: cancelled and closed ones would be missing.
        var any = Query(request, "status") == "any";
        var found = ids.Select(id => _orders.GetValueOrDefault(id)).OfType<JsonObject>()
            .Where(o => any || (o["cancelled_at"] is null && o["closed_at"] is null)).Take(limit);
        return new StubAnswer(200, new JsonObject { ["orders"] = new JsonArray([.. found.Select(o => o.DeepClone())]) }.ToJsonString());
    }

    private static StubAnswer Data(JsonObject data, int cost) => new(200, new JsonObject
    {
        ["data"] = data,
        ["extensions"] = new JsonObject
        {
            ["cost"] = new JsonObject
            {
                ["requestedQueryCost"] = cost, ["actualQueryCost"] = cost,
                ["throttleStatus"] = new JsonObject { ["maximumAvailable"] = 2000.0, ["currentlyAvailable"] = 2000 - cost, ["restoreRate"] = 100.0 },
            },
        },
    }.ToJsonString());

    private static string Cursor(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"cursor:{index}"));

    [GeneratedRegex(@"^orders/(\d+)\.json$")]
    private static partial Regex OrderPath();

    [GeneratedRegex(@"orders\(first: (\d+)")]
    private static partial Regex FirstArgument();

    [GeneratedRegex(@"^updated_at:>'([0-9T:\-]+Z)'$")]
    private static partial Regex UpdatedAfter();
}
