namespace PostPurchase.Core.Orders;

/// <summary>Normalises a tracking number into the key that finds its parcel.</summary>
/// <remarks>
/// Providers spell carriers differently ("usps", "USPS", "FedEx", "PostNL Standard"), so the key is the
/// tracking number alone: upper-case, without spaces or dashes. The carrier is kept beside it for display.
/// </remarks>
public static class ParcelKey
{
    /// <summary>Returns the normalised tracking number.</summary>
    public static string Of(string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        var chars = trackingNumber.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant);
        return new string(chars.ToArray());
    }
}
