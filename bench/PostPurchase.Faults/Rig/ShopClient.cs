using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// Calls the runtime the way shops and carriers do: a request that fails (no connection, a reset, 5xx, 429) is sent again,
/// after Retry-After when the answer carries one, until it is acknowledged or patience runs out. Counts every answer.
/// </summary>
internal sealed class ShopClient(HttpClient http, TimeSpan patience)
{
    private readonly ConcurrentDictionary<string, long> _answers = new(StringComparer.Ordinal);

    /// <summary>Answers by status code ("503", "200", ...), and "no answer" for a refused or broken connection.</summary>
    public IReadOnlyDictionary<string, long> Answers => _answers;

    public long Count(string answer) => _answers.GetValueOrDefault(answer);

    /// <summary>Server errors other than 503 (a refusal with Retry-After is 503 or 429): the figure that must stay 0.</summary>
    public long UnexpectedServerErrors => _answers.Where(p => int.TryParse(p.Key, out var code) && code >= 500 && code != 503).Sum(p => p.Value);

    /// <summary>Sends until acknowledged; returns the final status, or null when it never was. 4xx other than 429 end it at once.</summary>
    public async Task<HttpStatusCode?> SendAsync(Func<HttpRequestMessage> build, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            TimeSpan wait;
            try
            {
                using var request = build();
                using var response = await http.SendAsync(request, cancellationToken);
                var code = (int)response.StatusCode;
                _answers.AddOrUpdate(code.ToString(System.Globalization.CultureInfo.InvariantCulture), 1, static (_, n) => n + 1);
                if (code < 400 || (code < 500 && code != 429))
                {
                    return response.StatusCode;
                }
                wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _answers.AddOrUpdate("no answer", 1, static (_, n) => n + 1);
                wait = TimeSpan.FromMilliseconds(500);
            }
            if (Stopwatch.GetElapsedTime(started) + wait > patience)
            {
                return null;
            }
            await Task.Delay(wait, cancellationToken);
        }
    }
}
