using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock;

namespace PostPurchase.Testing.Shops;

/// <summary>
/// The WooCommerce REST API v3 on a store: the consumer key and secret as Basic credentials (401 otherwise), <c>GET
/// /wp-json/wc/v3/orders</c> with <c>modified_after</c> (GMT only with <c>dates_are_gmt=true</c>, else read as the store's local
/// time), <c>orderby</c>/<c>order</c> (default newest created first), <c>per_page</c> (default 10, at most 100) and <c>page</c>,
/// answering <c>X-WP-Total</c> and <c>X-WP-TotalPages</c>; <c>orders/{id}</c>; WordPress's 404 bodies for unknown orders and routes.
/// Kinds: <c>orders</c>, <c>order</c>.
/// </summary>
public sealed partial class WooCommerceRestStub(string consumerKey, string consumerSecret, TimeProvider? clock = null) : PlatformStub(clock)
{
    private readonly ConcurrentDictionary<string, JsonObject> _orders = new(StringComparer.Ordinal);

    /// <summary>The store's time zone offset, which WooCommerce applies to dates not marked GMT.</summary>
    public TimeSpan StoreOffset { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Knows the order (with <c>id</c>, <c>date_created_gmt</c> and <c>date_modified_gmt</c>), replacing an earlier version of it.</summary>
    public void AddOrder(JsonObject order) => _orders[order["id"]!.ToString()] = order;

    protected override string? Kind(IRequestMessage request) => request.Method == "GET"
        ? request.Path == "/wp-json/wc/v3/orders" ? "orders" : OrderPath().IsMatch(request.Path) ? "order" : null
        : null;

    protected override StubAnswer Answer(IRequestMessage request, string kind)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{consumerKey}:{consumerSecret}"));
        if (Header(request, "Authorization") != expected)
        {
            Problem($"{kind}: no or wrong Basic credentials");
            return Error(401, "woocommerce_rest_cannot_view", "Sorry, you cannot list resources.");
        }
        if (kind == "order")
        {
            return _orders.TryGetValue(OrderPath().Match(request.Path).Groups[1].Value, out var order)
                ? new StubAnswer(200, order.ToJsonString())
                : Error(404, "woocommerce_rest_shop_order_invalid_id", "Invalid ID.");
        }
        return List(request);
    }

    protected override StubAnswer NoRoute(IRequestMessage request) =>
        Error(404, "rest_no_route", "No route was found matching the URL and request method.");

    private StubAnswer List(IRequestMessage request)
    {
        var perPage = int.TryParse(Query(request, "per_page"), CultureInfo.InvariantCulture, out var p) ? p : 10;
        var page = int.TryParse(Query(request, "page"), CultureInfo.InvariantCulture, out var n) ? n : 1;
        if (perPage is < 1 or > 100)
        {
            Problem($"orders: per_page={perPage}");
            return Error(400, "rest_invalid_param", "Invalid parameter(s): per_page", """{"per_page":"per_page must be between 1 (inclusive) and 100 (inclusive)"}""");
        }
        var gmt = Query(request, "dates_are_gmt") == "true";
        if (!gmt)
        {
            Problem("orders: modified_after without dates_are_gmt=true is read as the store's local time");
        }
        var after = Query(request, "modified_after") is { } text
            ? DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Unspecified)
            : (DateTime?)null;
        var since = after is { } a ? new DateTimeOffset(a, gmt ? TimeSpan.Zero : StoreOffset) : DateTimeOffset.MinValue;
        var byModified = Query(request, "orderby") == "modified";
        var ascending = Query(request, "order") == "asc";
        var matching = _orders.Values.Where(o => Gmt(o, "date_modified_gmt") > since).ToList();
        var sorted = (byModified
                ? matching.OrderBy(o => Gmt(o, "date_modified_gmt"))
                : matching.OrderBy(o => Gmt(o, "date_created_gmt")))
            .ThenBy(o => o["id"]!.GetValue<long>()).ToList();
        if (!ascending)
        {
            sorted.Reverse();
        }
        var pages = (int)Math.Ceiling(sorted.Count / (double)perPage);
        var body = new JsonArray([.. sorted.Skip((page - 1) * perPage).Take(perPage).Select(o => o.DeepClone())]);
        return new StubAnswer(200, body.ToJsonString(), new Dictionary<string, string>
        {
            ["X-WP-Total"] = sorted.Count.ToString(CultureInfo.InvariantCulture),
            ["X-WP-TotalPages"] = pages.ToString(CultureInfo.InvariantCulture),
        });
    }

    private static DateTimeOffset Gmt(JsonObject order, string field) =>
        new(DateTime.SpecifyKind(DateTime.Parse(order[field]!.GetValue<string>(), CultureInfo.InvariantCulture), DateTimeKind.Unspecified), TimeSpan.Zero);

    private static StubAnswer Error(int status, string code, string message, string? parameters = null)
    {
        var data = new JsonObject { ["status"] = status };
        if (parameters is not null)
        {
            data["params"] = JsonNode.Parse(parameters);
        }
        return new StubAnswer(status, new JsonObject { ["code"] = code, ["message"] = message, ["data"] = data }.ToJsonString());
    }

    [GeneratedRegex(@"^/wp-json/wc/v3/orders/(\d+)$")]
    private static partial Regex OrderPath();
}
