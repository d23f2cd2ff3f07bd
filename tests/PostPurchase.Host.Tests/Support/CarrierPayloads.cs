using System.Globalization;
using System.Text.Json.Nodes;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Host.Tests.Support;

/// <summary>Builds each provider's real webhook (its published sample from Fixtures/, with this test's parcel, status and time) and signs it.</summary>
internal static class CarrierPayloads
{
    public static CarrierCall Build(string provider, string trackingNumber, TrackingStatus status, DateTimeOffset at, string eventId) => provider switch
    {
        "aftership" => Sign(provider, AfterShip(trackingNumber, status, at, eventId)),
        "easypost" => Sign(provider, EasyPost(trackingNumber, status, at, eventId)),
        "sendcloud" => Sign(provider, Sendcloud(trackingNumber, status, at)),
        "shippo" => Sign(provider, Shippo(trackingNumber, status, at, eventId)),
        "generic" => Sign(provider, Generic(trackingNumber, status, at, eventId)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a provider."),
    };

    public static CarrierCall Sign(string provider, string body, string? secret = null)
    {
        secret ??= HostApp.Secrets[provider];
        var mac = CarrierCall.Mac(secret, body);
        return provider switch
        {
            "aftership" => new(provider, body, new Dictionary<string, string> { ["aftership-hmac-sha256"] = Convert.ToBase64String(mac) }),
            "easypost" => new(provider, body, new Dictionary<string, string> { ["X-Hmac-Signature"] = "hmac-sha256-hex=" + CarrierCall.Hex(mac) }),
            "sendcloud" => new(provider, body, new Dictionary<string, string> { ["Sendcloud-Signature"] = CarrierCall.Hex(mac) }),
            "shippo" => new(provider, body, new Dictionary<string, string>(), $"?token={Uri.EscapeDataString(secret)}"),
            "generic" => new(provider, body, new Dictionary<string, string> { ["X-PostPurchase-Signature"] = "sha256=" + CarrierCall.Hex(mac) }),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Not a provider."),
        };
    }

    public static JsonObject Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name)))!.AsObject();

    private static string AfterShip(string trackingNumber, TrackingStatus status, DateTimeOffset at, string eventId)
    {
        var (tag, subtag) = status switch
        {
            TrackingStatus.InTransit => ("InTransit", "InTransit_001"),
            TrackingStatus.OutForDelivery => ("OutForDelivery", "OutForDelivery_001"),
            TrackingStatus.Delivered => ("Delivered", "Delivered_001"),
            TrackingStatus.FailedAttempt => ("AttemptFail", "AttemptFail_002"),
            TrackingStatus.AvailableForPickup => ("AvailableForPickup", "AvailableForPickup_001"),
            TrackingStatus.Exception => ("Exception", "Exception_013"),
            _ => throw Unsupported(status),
        };
        var root = Fixture("aftership-tracking-update.trimmed.json");
        root["event_id"] = eventId;
        var msg = root["msg"]!;
        msg["tracking_number"] = trackingNumber;
        msg["tag"] = tag;
        msg["subtag"] = subtag;
        var checkpoint = msg["checkpoints"]![0]!;
        checkpoint["checkpoint_time"] = Iso(at);
        checkpoint["tag"] = tag;
        checkpoint["subtag"] = subtag;
        return root.ToJsonString();
    }

    private static string EasyPost(string trackingNumber, TrackingStatus status, DateTimeOffset at, string eventId)
    {
        var (code, detail) = status switch
        {
            TrackingStatus.InTransit => ("in_transit", "arrived_at_facility"),
            TrackingStatus.OutForDelivery => ("out_for_delivery", "out_for_delivery"),
            TrackingStatus.Delivered => ("delivered", "arrived_at_destination"),
            TrackingStatus.AvailableForPickup => ("available_for_pickup", "unknown"),
            TrackingStatus.ReturnedToSender => ("return_to_sender", "return"),
            _ => throw Unsupported(status),
        };
        var root = Fixture("easypost-tracker-updated.json");
        root["id"] = eventId;
        var tracker = root["result"]!;
        tracker["tracking_code"] = trackingNumber;
        tracker["status"] = code;
        tracker["status_detail"] = detail;
        tracker["est_delivery_date"] = null;
        var details = tracker["tracking_details"]!.AsArray();
        var last = details[^1]!;
        last["datetime"] = Iso(at.ToUniversalTime());
        last["status"] = code;
        last["status_detail"] = detail;
        return root.ToJsonString();
    }

    private static string Sendcloud(string trackingNumber, TrackingStatus status, DateTimeOffset at)
    {
        var (id, message) = status switch
        {
            TrackingStatus.InTransit => (3, "En route to sorting center"),
            TrackingStatus.OutForDelivery => (92, "Driver en route"),
            TrackingStatus.Delivered => (11, "Delivered"),
            TrackingStatus.FailedAttempt => (8, "Delivery attempt failed"),
            TrackingStatus.AvailableForPickup => (12, "Awaiting customer pickup"),
            _ => throw Unsupported(status),
        };
        var root = Fixture("sendcloud-parcel-status-changed.json");
        root["timestamp"] = at.ToUnixTimeMilliseconds();
        root["carrier_status_change_timestamp"] = at.ToUnixTimeMilliseconds();
        var parcel = root["parcel"]!;
        parcel["tracking_number"] = trackingNumber;
        parcel["status"] = new JsonObject { ["id"] = id, ["message"] = message };
        return root.ToJsonString();
    }

    private static string Shippo(string trackingNumber, TrackingStatus status, DateTimeOffset at, string eventId)
    {
        var (code, substatus) = status switch
        {
            TrackingStatus.InTransit => ("TRANSIT", "package_departed"),
            TrackingStatus.OutForDelivery => ("TRANSIT", "out_for_delivery"),
            TrackingStatus.Delivered => ("DELIVERED", "delivered"),
            TrackingStatus.FailedAttempt => ("TRANSIT", "delivery_attempted"),
            TrackingStatus.AvailableForPickup => ("TRANSIT", "pickup_available"),
            TrackingStatus.Exception => ("FAILURE", "package_lost"),
            _ => throw Unsupported(status),
        };
        var root = Fixture("shippo-track-updated.json");
        var data = root["data"]!;
        data["tracking_number"] = trackingNumber;
        data["eta"] = null;
        data["original_eta"] = null;
        var current = data["tracking_status"]!;
        current["object_id"] = eventId;
        current["status"] = code;
        current["substatus"]!["code"] = substatus;
        current["status_date"] = Iso(at.ToUniversalTime());
        current["object_created"] = Iso(at.ToUniversalTime());
        current["object_updated"] = Iso(at.ToUniversalTime());
        return root.ToJsonString();
    }

    private static string Generic(string trackingNumber, TrackingStatus status, DateTimeOffset at, string eventId) =>
        new JsonObject
        {
            ["eventId"] = eventId,
            ["carrier"] = "postnl",
            ["trackingNumber"] = trackingNumber,
            ["status"] = Core.Serialization.WireName.Of(status),
            ["occurredAt"] = Iso(at),
            ["location"] = "Amsterdam",
        }.ToJsonString();

    private static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static ArgumentOutOfRangeException Unsupported(TrackingStatus status) =>
        new(nameof(status), status, "Not used by these tests for this provider.");
}
