using System.Globalization;
using System.Net;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>
/// Sends a platform API request and honours the platform's throttling: a 429 (or 503) with <c>Retry-After</c> is waited out on
/// the clock and asked again, when the wait fits the caller's patience. A webhook has none to spare (the platform retries the
/// delivery, or the next reconciliation finds it); a reconciliation run waits up to <see cref="PollPatience"/>.
/// </summary>
internal static class ShopApiRetry
{
    /// <summary>How long a reconciliation run waits for a throttled platform; longer and the run stops, the next starts from the same point.</summary>
    public static readonly TimeSpan PollPatience = TimeSpan.FromMinutes(2);

    private const int MaxAttempts = 5;

    /// <summary>Sends the request <paramref name="build"/> makes (a fresh one per attempt) until it is not throttled, or the wait asked exceeds <paramref name="patience"/>.</summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient http, Func<HttpRequestMessage> build, TimeProvider time, TimeSpan patience, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            using (var request = build())
            {
                response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                || attempt == MaxAttempts || RetryAfter(response, time) is not { } wait || wait > patience)
            {
                return response;
            }
            response.Dispose();
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The wait a response asks for: <c>Retry-After</c> as whole seconds, as an HTTP date, or as decimal seconds (Shopify's REST
    /// API sends <c>2.0</c>, which the typed header cannot read); null when it asks none.
    /// </summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);
        if (response.Headers.RetryAfter is { } typed)
        {
            var wait = typed.Delta ?? (typed.Date is { } date ? date - time.GetUtcNow() : null);
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return response.Headers.NonValidated.TryGetValues("Retry-After", out var raw)
            && double.TryParse(raw.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
