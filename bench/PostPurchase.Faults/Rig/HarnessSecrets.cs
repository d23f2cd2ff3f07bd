using PostPurchase.Testing.Hostile;

namespace PostPurchase.Faults.Rig;

/// <summary>Every secret the runtime under test is given: hostile requests forge them, and none may show up in its logs.</summary>
internal static class HarnessSecrets
{
    public const string ApiKey = "fault-harness-api-key-3b9d0c7e51";
    public const string SigningKey = "fault-harness-signing-key-8e2f6a4d19c7";
    public const string Generic = "fault-harness-generic-secret-a1c4";
    public const string AfterShip = "fault-harness-aftership-secret-77e0";
    public const string EasyPost = "fault-harness-easypost-secret-c3b2";
    public const string Sendcloud = "fault-harness-sendcloud-secret-19fd";
    public const string Shippo = "fault-harness-shippo-token-5a6e";
    public const string Shopify = "fault-harness-shopify-secret-d0b1";
    public const string WooCommerce = "fault-harness-woocommerce-secret-4c8a";
    public const string Shopware = "fault-harness-shopware-secret-e6f3";
    public const string EventGrid = "fault-harness-eventgrid-key-2d7b";

    /// <summary>Each secret with its name, for the log scan.</summary>
    public static IReadOnlyList<(string Name, string Value)> All { get; } =
    [
        ("api key", ApiKey), ("signing key", SigningKey), ("generic secret", Generic), ("AfterShip secret", AfterShip),
        ("EasyPost secret", EasyPost), ("Sendcloud secret", Sendcloud), ("Shippo token", Shippo), ("Shopify secret", Shopify),
        ("WooCommerce secret", WooCommerce), ("Shopware secret", Shopware), ("Event Grid key", EventGrid),
        ("Twilio auth token", TwilioStandIn.AuthToken), ("ACS access key", AcsStandIn.Secret),
    ];

    /// <summary>The same secrets as the hostile generators sign genuine requests with.</summary>
    public static HostileSecrets Hostile { get; } = new(ApiKey, EventGrid, TwilioStandIn.AuthToken, Shopify, WooCommerce, Shopware,
        new Dictionary<string, string> { ["generic"] = Generic, ["aftership"] = AfterShip, ["easypost"] = EasyPost, ["sendcloud"] = Sendcloud, ["shippo"] = Shippo });

    /// <summary>The runtime's settings for every secret.</summary>
    public static Dictionary<string, string> Settings() => new()
    {
        ["PostPurchase__ApiKey"] = ApiKey,
        ["PostPurchase__SigningKey"] = SigningKey,
        ["PostPurchase__Carriers__generic__Secret"] = Generic,
        ["PostPurchase__Carriers__aftership__Secret"] = AfterShip,
        ["PostPurchase__Carriers__easypost__Secret"] = EasyPost,
        ["PostPurchase__Carriers__sendcloud__Secret"] = Sendcloud,
        ["PostPurchase__Carriers__shippo__Secret"] = Shippo,
        ["PostPurchase__Shops__Shopify__WebhookSecret"] = Shopify,
        ["PostPurchase__Shops__WooCommerce__WebhookSecret"] = WooCommerce,
        ["PostPurchase__Shops__Shopware__ShopSecret"] = Shopware,
        ["PostPurchase__Email__EventGridKey"] = EventGrid,
    };
}
