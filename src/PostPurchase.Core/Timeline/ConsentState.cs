namespace PostPurchase.Core.Timeline;

/// <summary>The buyer's consent per channel and purpose now, and every change with its proof.</summary>
public sealed record ConsentState(
    bool Sms,
    bool WhatsApp,
    bool Marketing,
    bool SmsOptedOut,
    bool WhatsAppOptedOut,
    IReadOnlyList<ConsentRecord> History)
{
    /// <summary>The consent after <paramref name="change"/>: the subject's flag follows it, a STOP keeps "opted out" apart from "never asked".</summary>
    public ConsentState After(ConsentRecord change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var keyword = string.Equals(change.Source, "sms-keyword", StringComparison.OrdinalIgnoreCase);
        var next = change.Subject switch
        {
            ConsentSubjects.Sms => this with { Sms = change.Granted, SmsOptedOut = !change.Granted && (Sms || SmsOptedOut || keyword) },
            ConsentSubjects.WhatsApp => this with { WhatsApp = change.Granted, WhatsAppOptedOut = !change.Granted && (WhatsApp || WhatsAppOptedOut || keyword) },
            ConsentSubjects.Marketing => this with { Marketing = change.Granted },
            _ => throw new ArgumentException($"Unknown consent subject '{change.Subject}' (expected sms, whatsapp or marketing).", nameof(change)),
        };
        return next with { History = [.. History, change] };
    }
}

/// <summary>Proof of one consent change: what, where, when, and the wording the buyer saw.</summary>
/// <param name="Subject">"sms", "whatsapp" or "marketing".</param>
/// <param name="Source">checkout, tracking-page, sms-keyword, merchant, ...</param>
public sealed record ConsentRecord(string Subject, bool Granted, string Source, DateTimeOffset At, string? WordingVersion);
