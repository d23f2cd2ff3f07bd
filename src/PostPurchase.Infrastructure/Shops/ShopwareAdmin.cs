using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopware;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>The Shopware 6 Admin API: a client-credentials token (reused until it expires) and orders by id with every association the mapping reads.</summary>
internal sealed class ShopwareAdmin(HttpClient http, IOptionsMonitor<PostPurchaseOptions> options, TimeProvider time)
{
    private static readonly string Criteria = """
        {"associations":{"lineItems":{},"currency":{},"orderCustomer":{},"stateMachineState":{},
         "language":{"associations":{"locale":{}}},
         "billingAddress":{"associations":{"country":{},"countryState":{}}},
         "transactions":{"associations":{"stateMachineState":{},"paymentMethod":{}}},
         "deliveries":{"associations":{"stateMachineState":{},"shippingMethod":{},"shippingOrderAddress":{"associations":{"country":{},"countryState":{}}}}}}}
        """;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (string Token, DateTimeOffset Until)? _token;

    private ShopwareOptions Settings => options.CurrentValue.Shops.Shopware;

    /// <summary>True when the shop URL and API credentials are configured.</summary>
    public bool Configured => Settings.CanRead;

    /// <summary>The orders found among <paramref name="ids"/> (unknown ids are simply missing).</summary>
    public async Task<IReadOnlyList<ShopOrder>> OrdersAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var body = JsonNode.Parse(Criteria)!.AsObject();
        body["ids"] = new JsonArray([.. ids.Select(id => (JsonNode)id)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, Url("api/search/order")) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken).ConfigureAwait(false));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            _token = null; // revoked or expired early: the next call asks again
        }
        await ShopApiException.EnsureSuccessAsync("The Shopware Admin API", response, cancellationToken).ConfigureAwait(false);
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Array
            ? [.. data.EnumerateArray().Select(ShopwareOrders.Read)]
            : throw new ShopApiException("The Shopware Admin API answered without a 'data' list.");
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
            using var request = new HttpRequestMessage(HttpMethod.Post, Url("api/oauth/token"))
            {
                Content = JsonContent.Create(new JsonObject { ["grant_type"] = "client_credentials", ["client_id"] = Settings.ClientId, ["client_secret"] = Settings.ClientSecret }),
            };
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await ShopApiException.EnsureSuccessAsync("The Shopware token endpoint", response, cancellationToken).ConfigureAwait(false);
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
}
