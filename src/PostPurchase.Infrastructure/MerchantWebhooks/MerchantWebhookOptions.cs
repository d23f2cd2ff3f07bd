namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>The <c>PostPurchase:Webhooks</c> section: where the shop wants to hear about cancellations, returns, low CSAT, delays and failed messages.</summary>
public sealed class MerchantWebhookOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "PostPurchase:Webhooks";

    /// <summary>The shop's endpoints; none configured means signals are only logged in the delivery log as skipped.</summary>
    public List<MerchantWebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>Attempts per delivery before it is marked failed (and waits for a replay from the dashboard).</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Delay before the first retry; each further retry waits four times longer.</summary>
    public TimeSpan FirstRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one POST may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the dispatcher looks for deliveries due for a retry.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>One URL of the shop that receives signed POSTs.</summary>
public sealed class MerchantWebhookEndpoint
{
    /// <summary>Absolute http(s) URL.</summary>
    public string Url { get; set; } = "";

    /// <summary>The shared secret the body is signed with (HMAC-SHA256); at least 16 characters.</summary>
    public string Secret { get; set; } = "";

    /// <summary>Event types to send (wire names, e.g. "cancellation-requested"); empty means all.</summary>
    public List<string> Events { get; set; } = [];
}
