using System.Globalization;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Messages;

/// <summary>Turns the decider's facts into display text: every known fact is present ("" when unknown), times are localised.</summary>
internal static class MessageFacts
{
    /// <summary>Facts that hold a day (shown as a date in the buyer's zone).</summary>
    public static readonly string[] Dates = ["carrierEstimate", "promisedShipBy", "newEstimate", "promisedBy"];

    /// <summary>Facts that hold a moment (shown as day and time).</summary>
    public static readonly string[] Moments = ["lastScanAt"];

    /// <summary>Facts shown as given (cleaned of line breaks).</summary>
    public static readonly string[] Texts =
        ["carrier", "trackingNumber", "location", "description", "allDelivered", "days", "cause", "source", "reason", "skus", "resolution",
         "quantity", "code", "reward", "incentiveCode"];

    public static Dictionary<string, object?> Build(TimelineMessage message, Order order, ParcelState? parcel, string locale)
    {
        var raw = message.Facts ?? new Dictionary<string, string>();
        var zone = order.Customer.TimeZone;
        var facts = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
            facts[key] = TextCleaner.Line(value);
        foreach (var key in Texts)
            facts.TryAdd(key, "");

        var fallbacks = new Dictionary<string, DateTimeOffset?>
        {
            ["carrierEstimate"] = parcel?.CarrierEstimate,
            ["promisedShipBy"] = order.Promise.ShipBy,
            ["newEstimate"] = parcel?.CarrierEstimate,
            ["promisedBy"] = order.Promise.DeliverBy,
            ["lastScanAt"] = parcel?.LastScanAt,
        };
        foreach (var key in Dates.Concat(Moments))
        {
            var at = raw.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text) ? Parse(key, text) : fallbacks[key];
            facts[key] = at is null ? ""
                : Moments.Contains(key) ? LocaleFormat.DateTime(at.Value, zone, locale)
                : LocaleFormat.Date(at.Value, zone, locale);
        }
        return facts;
    }

    /// <summary>The SKUs listed in a "skus" fact (comma, semicolon or space separated).</summary>
    public static IReadOnlyList<string> Skus(TimelineMessage message) =>
        message.Facts is not null && message.Facts.TryGetValue("skus", out var skus)
            ? skus.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];

    private static DateTimeOffset Parse(string key, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at
            : throw new FormatException($"Message fact '{key}' must be an ISO 8601 time, but was '{text}'.");
}
