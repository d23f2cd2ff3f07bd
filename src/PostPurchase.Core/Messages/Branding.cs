namespace PostPurchase.Core.Messages;

/// <summary>The merchant's look and contacts, shown in every message and on the tracking page.</summary>
public sealed record Branding
{
    /// <summary>The shop's name.</summary>
    public string ShopName { get; init; } = "Our shop";

    /// <summary>Absolute URL of the logo, or null.</summary>
    public string? LogoUrl { get; init; }

    /// <summary>Main colour (CSS hex).</summary>
    public string PrimaryColor { get; init; } = "#1f6feb";

    /// <summary>Accent colour (CSS hex).</summary>
    public string AccentColor { get; init; } = "#0d1117";

    /// <summary>Support email shown to buyers and used as Reply-To.</summary>
    public string SupportEmail { get; init; } = "support@example.com";

    /// <summary>Support phone, E.164, or null.</summary>
    public string? SupportPhone { get; init; }

    /// <summary>Return policy page.</summary>
    public string ReturnPolicyUrl { get; init; } = "https://example.com/returns";

    /// <summary>One-sentence return policy summary per locale; falls back to the built-in text.</summary>
    public Dictionary<string, string> ReturnPolicySummary { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Display name emails come from; the shop name when empty.</summary>
    public string? SenderName { get; init; }

    /// <summary>Where buyers write reviews (a product's page URL is used when the item has one).</summary>
    public string? ReviewUrl { get; init; }
}
