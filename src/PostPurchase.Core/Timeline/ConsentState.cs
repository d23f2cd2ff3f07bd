namespace PostPurchase.Core.Timeline;

/// <summary>The buyer's consent per channel and purpose now, and every change with its proof.</summary>
public sealed record ConsentState(
    bool Sms,
    bool WhatsApp,
    bool Marketing,
    bool SmsOptedOut,
    bool WhatsAppOptedOut,
    IReadOnlyList<ConsentRecord> History);

/// <summary>Proof of one consent change: what, where, when, and the wording the buyer saw.</summary>
/// <param name="Subject">"sms", "whatsapp" or "marketing".</param>
/// <param name="Source">checkout, tracking-page, sms-keyword, merchant, ...</param>
public sealed record ConsentRecord(string Subject, bool Granted, string Source, DateTimeOffset At, string? WordingVersion);
