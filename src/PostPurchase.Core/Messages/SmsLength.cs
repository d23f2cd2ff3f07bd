namespace PostPurchase.Core.Messages;

/// <summary>What an SMS text costs: its encoding, the parts it is split into, and its length in septets or UTF-16 units.</summary>
public sealed record SmsLength(SmsEncoding Encoding, int Segments, int Units);
