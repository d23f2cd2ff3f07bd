using System.Text.Json.Serialization;

namespace PostPurchase.Core.Messages;

/// <summary>How an SMS is encoded on the air interface (GSM 03.38).</summary>
public enum SmsEncoding
{
    /// <summary>GSM 7-bit default alphabet: 160 characters, 153 per part when split.</summary>
    [JsonStringEnumMemberName("gsm-7")]
    Gsm7,
    /// <summary>UCS-2 (UTF-16): 70 code units, 67 per part when split.</summary>
    [JsonStringEnumMemberName("ucs-2")]
    Ucs2,
}
