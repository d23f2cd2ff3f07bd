using System.Text.Json;
using System.Text.RegularExpressions;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// What a merchant sees of a run's messages, read as a merchant reads it: each order's messages through the merchant API
/// (status and error) and the dashboard's metrics page (its count of failed sends), both with the API key.
/// </summary>
internal sealed partial class MerchantView(HttpClient http)
{
    /// <summary>Counts the messages of <paramref name="orders"/> on <paramref name="channel"/> by what the API shows.</summary>
    public async Task<MessageCounts> CountAsync(IEnumerable<string> orders, string channel, CancellationToken cancellationToken)
    {
        var counts = new MessageCounts();
        await Parallel.ForEachAsync(orders, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (orderId, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/orders/{Uri.EscapeDataString(orderId)}/messages");
            request.Headers.Add("x-functions-key", HarnessSecrets.ApiKey);
            using var response = await http.SendAsync(request, ct);
            if (!response.IsSuccessStatusCode)
            {
                counts.Add(unread: 1);
                return;
            }
            using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
            foreach (var message in json.RootElement.EnumerateArray().Where(m => m.GetProperty("channel").GetString() == channel))
            {
                var status = message.GetProperty("status").GetString();
                var error = message.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString()!.Length > 0;
                counts.Add(
                    retrying: status == "pending" && error ? 1 : 0,
                    waiting: status == "pending" && !error ? 1 : 0,
                    failed: status == "failed" ? 1 : 0,
                    failedSilently: status == "failed" && !error ? 1 : 0,
                    sent: status is "sent" or "delivered" ? 1 : 0,
                    delivered: status == "delivered" ? 1 : 0);
            }
        });
        return counts;
    }

    /// <summary>The "Failed sends" count the dashboard's metrics page shows.</summary>
    public async Task<int> DashboardFailedAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Add("x-functions-key", HarnessSecrets.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var html = await response.Content.ReadAsStringAsync(cancellationToken);
        return FailedCount().Match(html) is { Success: true } match ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The metrics page shows no failed-send count.");
    }

    [GeneratedRegex("data-testid=\"failed-count\">(\\d+)<")]
    private static partial Regex FailedCount();
}
