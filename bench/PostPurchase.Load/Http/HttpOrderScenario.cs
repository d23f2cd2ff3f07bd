using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PostPurchase.Core.Orders.Intake;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Load.Http;

/// <summary>
/// One shop's and one carrier's traffic for one order over HTTP, the baseline work: intake with a parcel, then signed generic
/// carrier webhooks (info received, in transit, out for delivery, delivered and the delivered one again), with the ship-by and
/// deliver-by dates passing on the real clock in between, so the runtime's two timers fire seconds after intake.
/// </summary>
/// <remarks>
/// In steps of <c>step</c> from intake: 1 info received, 2 ship-by passes (not-shipped alert), 3 in transit (shipped),
/// 4 out for delivery, 6 deliver-by passes (overdue alert), 7 delivered, 8 delivered again. Six emails in all.
/// </remarks>
internal sealed class HttpOrderScenario(HttpClient http, string apiKey, string webhookSecret, MessageLedger ledger, TimeProvider clock, TimeSpan step, string runId)
{
    /// <summary>Inputs sent per order: intake and five webhooks.</summary>
    public const int InputsPerOrder = 6;

    private int _failures;

    /// <summary>How long each intake call took, in milliseconds.</summary>
    public Percentiles IntakeCalls { get; } = new();

    /// <summary>How long each webhook call took, in milliseconds.</summary>
    public Percentiles WebhookCalls { get; } = new();

    /// <summary>Calls the runtime did not answer with success.</summary>
    public int Failures => Volatile.Read(ref _failures);

    public async Task DriveAsync(int index, CancellationToken cancellationToken)
    {
        var orderId = $"{runId}-{index:D5}";
        var tracking = $"LD{runId.ToUpperInvariant()}{index:D5}";
        var placed = clock.GetUtcNow();
        var shipBy = placed + step * 2;
        var deliverBy = placed + step * 6;
        ledger.Expect(orderId, tracking);
        ledger.From(orderId, Intent.DelayNotShipped, shipBy);
        ledger.From(orderId, Intent.DelayOverdue, deliverBy);

        var answered = await PostAsync("/api/orders", Intake(orderId, placed, shipBy, deliverBy, tracking), IntakeCalls, apiKey: apiKey, cancellationToken: cancellationToken);
        ledger.From(orderId, Intent.OrderConfirmation, answered);
        await WebhookAtAsync(placed + step, tracking, "e1", TrackingStatus.InfoReceived, cancellationToken);
        ledger.From(orderId, Intent.Shipped, await WebhookAtAsync(placed + step * 3, tracking, "e2", TrackingStatus.InTransit, cancellationToken));
        ledger.From(orderId, Intent.OutForDelivery, await WebhookAtAsync(placed + step * 4, tracking, "e3", TrackingStatus.OutForDelivery, cancellationToken));
        ledger.From(orderId, Intent.Delivered, await WebhookAtAsync(placed + step * 7, tracking, "e4", TrackingStatus.Delivered, cancellationToken));
        // The carrier retries the delivered webhook: the same event again must change nothing.
        await WebhookAtAsync(placed + step * 8, tracking, "e4", TrackingStatus.Delivered, cancellationToken);
    }

    /// <summary>Places one order whose dates are days away and waits for its confirmation: the runtime is warm afterwards.</summary>
    public async Task WarmUpAsync(Func<bool> confirmed, CancellationToken cancellationToken)
    {
        var placed = clock.GetUtcNow();
        await PostAsync("/api/orders", Intake($"{runId}-warm-up", placed, placed.AddDays(1), placed.AddDays(4), $"LD{runId.ToUpperInvariant()}W"),
            IntakeCalls, apiKey: apiKey, cancellationToken: cancellationToken);
        while (!confirmed())
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    private async Task<DateTimeOffset> WebhookAtAsync(DateTimeOffset at, string tracking, string eventId, TrackingStatus status, CancellationToken cancellationToken)
    {
        var wait = at - clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, clock, cancellationToken);
        }
        var body = new Dictionary<string, object>
        {
            ["eventId"] = $"{tracking}-{eventId}",
            ["carrier"] = "postnl",
            ["trackingNumber"] = tracking,
            ["status"] = WireName.Of(status),
            ["occurredAt"] = clock.GetUtcNow(),
        };
        return await PostAsync("/api/webhooks/carriers/generic", body, WebhookCalls, signWith: webhookSecret, cancellationToken: cancellationToken);
    }

    private async Task<DateTimeOffset> PostAsync(string path, object body, Percentiles calls, string? apiKey = null, string? signWith = null, CancellationToken cancellationToken = default)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, CoreJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new("application/json");
        if (apiKey is not null)
        {
            request.Headers.Add("x-functions-key", apiKey);
        }
        if (signWith is not null)
        {
            request.Headers.Add("X-PostPurchase-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signWith), json)));
        }
        var started = Stopwatch.GetTimestamp();
        using var response = await http.SendAsync(request, cancellationToken);
        calls.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (!response.IsSuccessStatusCode && Interlocked.Increment(ref _failures) <= 5)
        {
            var text = (await response.Content.ReadAsStringAsync(cancellationToken)).ReplaceLineEndings(" ");
            Console.WriteLine($"  {path} answered {(int)response.StatusCode}: {text[..Math.Min(300, text.Length)]}");
        }
        return clock.GetUtcNow();
    }

    private static OrderIntakeRequest Intake(string orderId, DateTimeOffset placed, DateTimeOffset shipBy, DateTimeOffset deliverBy, string tracking) => new(
        orderId, placed, "EUR",
        new CustomerRequest("Anna", "de Vries", $"{orderId}@buyer.example", "+31612345678", "en", "Europe/Amsterdam", new ConsentRequest(Sms: false, WhatsApp: false)),
        [new OrderItemRequest("TEE-M-BLK", "Organic T-shirt, black, M", "apparel", 2, 19.50m)],
        new TotalsRequest(39.00m, 0m, 4.95m, 7.63m, 43.95m),
        "iDEAL",
        new AddressRequest("Keizersgracht 1", null, "1015 CJ", "Amsterdam", "NL"),
        new PromiseRequest(shipBy, deliverBy),
        [new ShipmentRequest("postnl", tracking)]);
}
