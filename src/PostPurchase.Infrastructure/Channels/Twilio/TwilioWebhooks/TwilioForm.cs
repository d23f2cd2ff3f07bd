namespace PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;

/// <summary>The form fields of a Twilio webhook, in the order received (repeated names kept: they count for the signature).</summary>
internal sealed class TwilioForm(IReadOnlyList<KeyValuePair<string, string>> fields)
{
    /// <summary>Every field as received.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; } = fields;

    /// <summary>The first value of <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.Ordinal)).Value;
}
