using System.Text.Json.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>How a message reaches the buyer.</summary>
public enum Channel
{
    /// <summary>Email (ACS, SMTP or the local outbox).</summary>
    Email,
    /// <summary>SMS through Twilio.</summary>
    Sms,
    /// <summary>WhatsApp through Twilio.</summary>
    [JsonStringEnumMemberName("whatsapp")]
    WhatsApp,
}
