namespace PostPurchase.Core.Timeline;

/// <summary>The subjects a consent change may name.</summary>
public static class ConsentSubjects
{
    /// <summary>Order updates by SMS.</summary>
    public const string Sms = "sms";

    /// <summary>Order updates by WhatsApp.</summary>
    public const string WhatsApp = "whatsapp";

    /// <summary>Review requests and surveys by SMS/WhatsApp.</summary>
    public const string Marketing = "marketing";

    /// <summary>True when <paramref name="subject"/> is one of the three.</summary>
    public static bool IsKnown(string? subject) => subject is Sms or WhatsApp or Marketing;
}
