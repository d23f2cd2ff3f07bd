namespace PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;

/// <summary>What a Twilio webhook did: applied to orders, ignored (with why), or invalid (400). <see cref="TwiML"/> is the reply to send back.</summary>
internal sealed record WebhookResult(WebhookResultKind Kind, IReadOnlyList<string> OrderIds, string Detail, string? TwiML = null)
{
    /// <summary>Raised to these orders.</summary>
    public static WebhookResult Applied(IReadOnlyList<string> orderIds, string detail = "applied", string? twiml = null) => new(WebhookResultKind.Applied, orderIds, detail, twiml);

    /// <summary>Nothing to do; still a 200 so Twilio does not retry.</summary>
    public static WebhookResult Ignored(string detail, string? twiml = null) => new(WebhookResultKind.Ignored, [], detail, twiml);

    /// <summary>A malformed request with a valid signature.</summary>
    public static WebhookResult Invalid(string detail) => new(WebhookResultKind.Invalid, [], detail);
}

/// <summary>The classes of <see cref="WebhookResult"/>.</summary>
internal enum WebhookResultKind
{
    /// <summary>Raised to one or more orders.</summary>
    Applied,
    /// <summary>Accepted, nothing changed.</summary>
    Ignored,
    /// <summary>Malformed: 400.</summary>
    Invalid,
}
