using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// The WooCommerce REST API v3: orders modified after a time, oldest change first, page by page until <c>X-WP-TotalPages</c>.
/// A throttled answer (429 with Retry-After, as hosts and firewalls in front of WordPress send) is waited out.
/// </summary>
internal sealed class WooCommerceApi(HttpClient http, IOptionsMonitor<PostPurchaseOptions> options, TimeProvider time)
{
    /// <summary>Orders per page: the most WooCommerce serves.</summary>
    public const int PageSize = 100;

    private const string Api = "The WooCommerce REST API";

    private WooCommerceOptions Settings => options.CurrentValue.Shops.WooCommerce;

    /// <summary>True when the store URL and a consumer key and secret are configured.</summary>
    public bool Configured => Settings.CanPoll;

    /// <summary>Every order modified after <paramref name="since"/> (UTC), as the REST API (and the webhooks) write it.</summary>
    public async IAsyncEnumerable<JsonElement> OrdersModifiedAfterAsync(DateTimeOffset since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        for (var page = 1; ; page++)
        {
            var query = string.Create(CultureInfo.InvariantCulture,
                $"wp-json/wc/v3/orders?modified_after={since.UtcDateTime:yyyy-MM-ddTHH:mm:ss}&dates_are_gmt=true&orderby=modified&order=asc&per_page={PageSize}&page={page}");
            using var response = await ShopApiRetry.SendAsync(http, () => Request(query), time, ShopApiRetry.PollPatience, cancellationToken).ConfigureAwait(false);
            await ShopApiException.EnsureSuccessAsync(Api, response, time, cancellationToken, Hint).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ShopApiException($"{Api} did not answer with a list of orders.");
            }
            var count = 0;
            foreach (var order in document.RootElement.EnumerateArray())
            {
                count++;
                yield return order;
            }
            // X-WP-TotalPages is authoritative; without it (a proxy that strips headers) a short page is the last.
            var last = TotalPages(response) is { } total ? page >= total : count < PageSize;
            if (last || count == 0)
            {
                yield break;
            }
        }
    }

    private HttpRequestMessage Request(string pathAndQuery)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(Settings.StoreUrl!.TrimEnd('/') + "/"), pathAndQuery));
        // Over HTTPS WooCommerce takes the consumer key and secret as Basic credentials.
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.ConsumerKey}:{Settings.ConsumerSecret}")));
        return request;
    }

    private static int? TotalPages(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-WP-TotalPages", out var values) && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var total)
            ? total : null;

    private static string? Hint(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
            "Check PostPurchase__Shops__WooCommerce__ConsumerKey and __ConsumerSecret: a REST API key with Read permission, and the store on HTTPS.",
        HttpStatusCode.NotFound =>
            "Check PostPurchase__Shops__WooCommerce__StoreUrl, and that WordPress permalinks are not 'Plain' (the REST API lives under /wp-json/).",
        _ => null,
    };
}
