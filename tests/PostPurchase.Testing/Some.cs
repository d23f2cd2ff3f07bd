using PostPurchase.Core.Orders;

namespace PostPurchase.Testing;

/// <summary>Throwaway values for tests that do not care about them.</summary>
public static class Some
{
    private static int _counter;

    /// <summary>A Monday morning in Amsterdam, the default "now" of scenario tests.</summary>
    public static DateTimeOffset Monday { get; } = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    /// <summary>A unique order number.</summary>
    public static string OrderId() => $"PP-{Interlocked.Increment(ref _counter):D5}-{Environment.ProcessId % 1000:D3}";

    /// <summary>A unique tracking number.</summary>
    public static string TrackingNumber() => $"3SPP{Interlocked.Increment(ref _counter):D10}";

    /// <summary>A unique provider event id.</summary>
    public static string EventId() => $"evt_{Interlocked.Increment(ref _counter):D8}";

    /// <summary>A Dutch buyer with SMS consent.</summary>
    public static Customer Customer(string locale = "nl", string timeZone = "Europe/Amsterdam") =>
        new("Anna", "de Vries", "anna@example.com", "+31612345678", locale, timeZone, new ConsentGrant(Sms: true, WhatsApp: false));

    /// <summary>A shipping address in Amsterdam.</summary>
    public static Address Address(string country = "NL") => new("Damrak 1", null, "1012 LG", "Amsterdam", country);
}
