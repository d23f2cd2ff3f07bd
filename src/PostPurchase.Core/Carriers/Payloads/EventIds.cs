using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using PostPurchase.Core.Orders;

namespace PostPurchase.Core.Carriers.Payloads;

/// <summary>Stable event ids for providers that send none, so that retries of the same update deduplicate.</summary>
internal static class EventIds
{
    /// <summary><c>{provider}-{16 hex}</c> from the parcel key, the raw status and the scan time (to the second, UTC).</summary>
    public static string Derive(string provider, string trackingNumber, string rawStatus, DateTimeOffset occurredAt)
    {
        var input = string.Join(
            '|',
            ParcelKey.Of(trackingNumber),
            rawStatus,
            occurredAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(input));
        return $"{provider}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}";
    }
}
