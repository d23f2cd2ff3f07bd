using System.Text.Json;

namespace PostPurchase.Core.Tests.Shops;

/// <summary>The signed sample deliveries of the three platforms (Fixtures/Shops) with their headers and test secrets.</summary>
internal static class ShopFixtures
{
    public static byte[] Body(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Shops", file));

    public static string Secret(string platform) => Manifest.RootElement.GetProperty("secrets").GetProperty(platform).GetString()!;

    public static IReadOnlyDictionary<string, string> Headers(string file) =>
        Manifest.RootElement.GetProperty("deliveries").EnumerateArray().Single(d => d.GetProperty("file").GetString() == file)
            .GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);

    /// <summary>(file, platform) of every signed delivery of Shopify, WooCommerce and Shopware.</summary>
    public static IEnumerable<(string File, string Platform)> Signed() =>
        Manifest.RootElement.GetProperty("deliveries").EnumerateArray()
            .Select(d => (File: d.GetProperty("file").GetString()!, Platform: d.GetProperty("platform").GetString()!))
            .Where(d => d.Platform is "shopify" or "woocommerce" or "shopware" && !d.File.EndsWith(".txt", StringComparison.Ordinal));

    private static JsonDocument Manifest { get; } = JsonDocument.Parse(Body("manifest.json"));
}
