namespace PostPurchase.Core.Carriers;

/// <summary>A carrier webhook as received: the raw bytes (signatures cover them), headers and the full request URL.</summary>
public sealed record CarrierWebhookRequest(ReadOnlyMemory<byte> Body, IReadOnlyDictionary<string, string> Headers, Uri Url);
