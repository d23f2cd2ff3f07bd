using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PostPurchase.Core.Orders.Intake;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// One order's traffic, as a shop and a carrier send it: intake with a parcel and SMS consent, then signed generic carrier
/// webhooks (info received, in transit, out for delivery, delivered, and delivered again) <c>step</c> apart, with the ship-by
/// and deliver-by dates passing in between so the runtime's own timers fire too. Every input is sent until acknowledged.
/// </summary>
internal sealed class OrderFlow(ShopClient client, TimeProvider clock, TimeSpan step, string runId, string timeZone)
{
    /// <summary>Drives order <paramref name="index"/> to its end and returns what was acknowledged.</summary>
    public async Task<OrderTrace> DriveAsync(int index, CancellationToken cancellationToken)
    {
        var trace = new OrderTrace($"{runId}-{index:D5}", $"FH{runId.ToUpperInvariant()}{index:D5}");
        var placed = clock.GetUtcNow();
        var intake = Intake(trace, index, placed, placed + step * 2, placed + step * 6);
        trace.IntakeAcked = Acknowledged(await client.SendAsync(() => Json("/api/orders", intake, apiKey: HarnessSecrets.ApiKey), cancellationToken));
        var events = new (int Steps, string Id, TrackingStatus Status)[]
        {
            (1, "e1", TrackingStatus.InfoReceived), (3, "e2", TrackingStatus.InTransit), (4, "e3", TrackingStatus.OutForDelivery),
            (7, "e4", TrackingStatus.Delivered), (8, "e4", TrackingStatus.Delivered),
        };
        foreach (var (steps, id, status) in events)
        {
            var wait = placed + step * steps - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, clock, cancellationToken);
            }
            var body = new Dictionary<string, object>
            {
                ["eventId"] = $"{trace.Tracking}-{id}",
                ["carrier"] = "postnl",
                ["trackingNumber"] = trace.Tracking,
                ["status"] = WireName.Of(status),
                ["occurredAt"] = clock.GetUtcNow(),
            };
            if (Acknowledged(await client.SendAsync(() => Json("/api/webhooks/carriers/generic", body, signWith: HarnessSecrets.Generic), cancellationToken)))
            {
                trace.Acked.Add(status);
            }
            else
            {
                trace.GaveUp++;
            }
        }
        return trace;
    }

    /// <summary>Only a 2xx acknowledges an input; a 4xx refused it (and would be a finding of its own).</summary>
    private static bool Acknowledged(System.Net.HttpStatusCode? status) => status is { } code && (int)code is >= 200 and < 300;

    /// <summary>The shop's intake request: a T-shirt to the Netherlands, SMS consent, a number of its own per order.</summary>
    public OrderIntakeRequest Intake(OrderTrace trace, int index, DateTimeOffset placed, DateTimeOffset shipBy, DateTimeOffset deliverBy) => new(
        trace.OrderId, placed, "EUR",
        new CustomerRequest("Anna", "de Vries", $"{trace.OrderId}@buyer.example", $"+316{10_000_000 + index}", "en", timeZone, new ConsentRequest(Sms: true, WhatsApp: false)),
        [new OrderItemRequest("TEE-M-BLK", "Organic T-shirt, black, M", "apparel", 2, 19.50m)],
        new TotalsRequest(39.00m, 0m, 4.95m, 7.63m, 43.95m),
        "iDEAL",
        new AddressRequest("Keizersgracht 1", null, "1015 CJ", "Amsterdam", "NL"),
        new PromiseRequest(shipBy, deliverBy),
        [new ShipmentRequest("postnl", trace.Tracking)]);

    /// <summary>A JSON POST, with the API key or the generic carrier signature over the exact bytes.</summary>
    public static HttpRequestMessage Json(string path, object body, string? apiKey = null, string? signWith = null)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(body, CoreJson.Options);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(json) };
        request.Content.Headers.ContentType = new("application/json");
        if (apiKey is not null)
        {
            request.Headers.Add("x-functions-key", apiKey);
        }
        if (signWith is not null)
        {
            request.Headers.Add("X-PostPurchase-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signWith), json)));
        }
        return request;
    }

    /// <summary>An IANA zone where it is early afternoon now, so no text of the run falls in the buyer's quiet hours.</summary>
    public static string DaytimeZone(DateTimeOffset now)
    {
        var offset = 13 - now.UtcDateTime.Hour;
        offset = offset > 14 ? offset - 24 : offset < -12 ? offset + 24 : offset;
        return offset switch
        {
            0 => "Etc/GMT",
            > 0 => $"Etc/GMT-{offset}",
            _ => $"Etc/GMT+{-offset}",
        };
    }
}

/// <summary>What the runtime acknowledged of one order's traffic.</summary>
internal sealed class OrderTrace(string orderId, string tracking)
{
    public string OrderId { get; } = orderId;

    public string Tracking { get; } = tracking;

    public bool IntakeAcked { get; set; }

    public HashSet<TrackingStatus> Acked { get; } = [];

    /// <summary>Inputs the driver gave up on (never acknowledged within its patience): not lost, refused.</summary>
    public int GaveUp { get; set; }
}
