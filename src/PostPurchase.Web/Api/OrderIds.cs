namespace PostPurchase.Web.Api;

/// <summary>Screens order ids from URLs before they reach storage, where some characters are not allowed in keys.</summary>
public static class OrderIds
{
    /// <summary>The longest order id accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>True when <paramref name="orderId"/> could name an order (1-100 characters, no control characters, none of / \ # ?).</summary>
    public static bool IsPlausible(string? orderId) =>
        !string.IsNullOrWhiteSpace(orderId)
        && orderId.Length <= MaxLength
        && !orderId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?');
}
