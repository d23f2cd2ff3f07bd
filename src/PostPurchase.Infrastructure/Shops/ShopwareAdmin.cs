using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopware;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// The Shopware 6 Admin API: a client-credentials token (reused until it expires, asked again once when refused), orders by id
/// with every association the mapping reads, and orders changed since a time, page by page (<c>limit</c>, <c>page</c> and the
/// exact <c>total</c>).
/// </summary>
internal sealed class ShopwareAdmin(HttpClient http, IOptionsMonitor<PostPurchaseOptions> options, TimeProvider time)
{
    /// <summary>Orders per search page, and ids per lookup.</summary>
    public const int PageSize = 100;

    private const string Api = "The Shopware Admin API";

    private static readonly string Associations = """
        {"lineItems":{},"currency":{},"orderCustomer":{},"stateMachineState":{},
         "language":{"associations":{"locale":{}}},
         "billingAddress":{"associations":{"country":{},"countryState":{}}},
         "transactions":{"associations":{"stateMachineState":{},"paymentMethod":{}}},
         "deliveries":{"associations":{"stateMachineState":{},"shippingMethod":{},"shippingOrderAddress":{"associations":{"country":{},"countryState":{}}}}}}
        """;

    /// <summary>What a change to an order touches: the order itself (new orders have no <c>updatedAt</c>), its deliveries and its payments.</summary>
    private static readonly string[] ChangeFields = ["createdAt", "updatedAt", "deliveries.updatedAt", "transactions.updatedAt"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Until)? _token;

    private ShopwareOptions Settings => options.CurrentValue.Shops.Shopware;

    /// <summary>True when the shop URL and API credentials are configured.</summary>
    public bool Configured => Settings.CanRead;

    /// <summary>The orders found among <paramref name="ids"/> (unknown ids are simply missing); a webhook's read, so it never waits on throttling.</summary>
    public async Task<IReadOnlyList<ShopOrder>> OrdersAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var orders = new List<ShopOrder>(ids.Count);
        foreach (var batch in ids.Chunk(PageSize))
        {
            // With ids Shopware answers every one of them: limit, page and total do not apply.
            var criteria = Criteria();
            criteria["ids"] = new JsonArray([.. batch.Select(id => (JsonNode)id)]);
            using var document = await SearchAsync(criteria.ToJsonString(), TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            orders.AddRange(Data(document).EnumerateArray().Select(ShopwareOrders.Read));
        }
        return orders;
    }

    /// <summary>Every order created or changed (itself, a delivery or a payment) at or after <paramref name="since"/>, oldest first.</summary>
    public async IAsyncEnumerable<JsonElement> OrdersChangedSinceAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var from = since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        var read = 0;
        for (var page = 1; ; page++)
        {
            var criteria = Criteria();
            criteria["filter"] = new JsonArray(new JsonObject
            {
                ["type"] = "multi",
                ["operator"] = "or",
                ["queries"] = new JsonArray([.. ChangeFields.Select(f => (JsonNode)new JsonObject
                {
                    ["type"] = "range", ["field"] = f, ["parameters"] = new JsonObject { ["gte"] = from },
                })]),
            });
            criteria["sort"] = new JsonArray(new JsonObject { ["field"] = "createdAt", ["order"] = "ASC" }, new JsonObject { ["field"] = "id", ["order"] = "ASC" });
            criteria["limit"] = PageSize;
            criteria["page"] = page;
            // Without the exact mode Shopware's total is only the page's own count.
            criteria["total-count-mode"] = 1;
            using var document = await SearchAsync(criteria.ToJsonString(), ShopApiRetry.PollPatience, cancellationToken).ConfigureAwait(false);
            var data = Data(document);
            var count = 0;
            foreach (var order in data.EnumerateArray())
            {
                count++;
                yield return order;
            }
            read += count;
            var total = document.RootElement.TryGetProperty("total", out var t) && t.TryGetInt32(out var n) ? n : read;
            if (count == 0 || count < PageSize || read >= total)
            {
                yield break;
            }
        }
    }

    private static JsonObject Criteria() => new() { ["associations"] = JsonNode.Parse(Associations) };

    private static JsonElement Data(JsonDocument document) =>
        document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? data : throw new ShopApiException($"{Api} answered without a 'data' list.");

    private async Task<JsonDocument> SearchAsync(string criteria, TimeSpan patience, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var token = await TokenAsync(cancellationToken).ConfigureAwait(false);
            using var response = await ShopApiRetry.SendAsync(http, () => SearchRequest(criteria, token), time, patience, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1)
            {
                _token = null; // revoked or expired early: ask for a new one, once
                continue;
            }
            await ShopApiException.EnsureSuccessAsync(Api, response, time, cancellationToken, Hint).ConfigureAwait(false);
            return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage SearchRequest(string criteria, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Url("api/search/order")) { Content = new StringContent(criteria, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is { } cached && cached.Until > time.GetUtcNow())
            {
                return cached.Token;
            }
            var body = new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = Settings.ClientId, ["client_secret"] = Settings.ClientSecret };
            using var response = await ShopApiRetry.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, Url("api/oauth/token")) { Content = JsonContent.Create(body.DeepClone()) },
                time, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
            await ShopApiException.EnsureSuccessAsync("The Shopware token endpoint", response, time, cancellationToken, Hint).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            var token = document.RootElement.GetProperty("access_token").GetString()!;
            var lifetime = document.RootElement.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 600;
            // Renew a minute early so a token never expires between reading it and using it.
            _token = (token, time.GetUtcNow().AddSeconds(Math.Max(30, lifetime - 60)));
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Uri Url(string path) => new(new Uri(Settings.ShopUrl!.TrimEnd('/') + "/"), path);

    private static string? Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized => "Check PostPurchase__Shops__Shopware__ClientId and __ClientSecret: the integration's access key ID and secret access key.",
        HttpStatusCode.Forbidden => "The integration lacks read access to order and its associations (see the app manifest's permissions).",
        HttpStatusCode.NotFound => "Check PostPurchase__Shops__Shopware__ShopUrl: the shop's base URL, under which the Admin API lives at /api/.",
        _ => null,
    };
}
