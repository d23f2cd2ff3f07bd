using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.WooCommerce;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>The WooCommerce REST API v3: orders modified after a time, every page, oldest change first.</summary>
internal sealed class WooCommerceApi(HttpClient http, IOptionsMonitor<PostPurchaseOptions> options)
{
    private const int PageSize = 100;

    private WooCommerceOptions Settings => options.CurrentValue.Shops.WooCommerce;

    /// <summary>True when the store URL and a consumer key and secret are configured.</summary>
    public bool Configured => Settings.CanPoll;

    /// <summary>Every order modified after <paramref name="since"/> (UTC), read as the webhooks read them.</summary>
    public async Task<IReadOnlyList<ShopOrder>> OrdersModifiedAfterAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var orders = new List<ShopOrder>();
        for (var page = 1; ; page++)
        {
            var query = string.Create(CultureInfo.InvariantCulture,
                $"wp-json/wc/v3/orders?modified_after={since.UtcDateTime:yyyy-MM-ddTHH:mm:ss}&dates_are_gmt=true&orderby=modified&order=asc&per_page={PageSize}&page={page}");
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(Settings.StoreUrl!.TrimEnd('/') + "/"), query));
            // Over HTTPS WooCommerce takes the consumer key and secret as Basic credentials.
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Settings.ConsumerKey}:{Settings.ConsumerSecret}")));
            using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await ShopApiException.EnsureSuccessAsync("The WooCommerce REST API", response, cancellationToken).ConfigureAwait(false);
            using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ShopApiException("The WooCommerce REST API did not answer with a list of orders.");
            }
            var items = document.RootElement.EnumerateArray().ToList();
            orders.AddRange(items.Select(WooCommerceOrders.Read));
            var totalPages = response.Headers.TryGetValues("X-WP-TotalPages", out var values) && int.TryParse(values.FirstOrDefault(), out var t) ? t : page;
            if (items.Count < PageSize || page >= totalPages)
            {
                return orders;
            }
        }
    }
}
