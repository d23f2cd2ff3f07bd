using System.Text.Json;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>Reads Shopify's GraphQL throttling: a <c>THROTTLED</c> error and the cost bucket's state in <c>extensions.cost</c>.</summary>
internal static class ShopifyThrottle
{
    /// <summary>
    /// The wait until the bucket holds the query's cost again (<c>(requested - available) / restoreRate</c> seconds, at least one),
    /// when the answer is throttled; null when it is not.
    /// </summary>
    public static TimeSpan? Wait(JsonElement root)
    {
        var throttled = root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            && errors.EnumerateArray().Any(e => e.TryGetProperty("extensions", out var x) && x.ValueKind == JsonValueKind.Object
                && x.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String && c.GetString() == "THROTTLED");
        if (!throttled)
        {
            return null;
        }
        if (root.TryGetProperty("extensions", out var extensions) && extensions.TryGetProperty("cost", out var cost)
            && cost.TryGetProperty("requestedQueryCost", out var requested) && requested.TryGetDouble(out var need)
            && cost.TryGetProperty("throttleStatus", out var status)
            && status.TryGetProperty("currentlyAvailable", out var available) && available.TryGetDouble(out var have)
            && status.TryGetProperty("restoreRate", out var rate) && rate.TryGetDouble(out var perSecond) && perSecond > 0)
        {
            return TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling((need - have) / perSecond)));
        }
        return TimeSpan.FromSeconds(2);
    }
}
