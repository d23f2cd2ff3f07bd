using System.Text.Json;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Growth;

/// <summary>The merchant's complements for an order: per SKU first, then per category; never an item the order already holds.</summary>
public static class Recommendations
{
    /// <summary>Fact of the delivered email holding the recommendations (JSON), so the message keeps what it showed.</summary>
    public const string Fact = "recommendations";

    /// <summary>Link name of a recommendation: "rec:{sku}".</summary>
    public static string LinkOf(string sku) => $"rec:{sku}";

    /// <summary>At most <see cref="RecommendationPolicy.Max"/> distinct products with a web URL, in the merchant's order.</summary>
    public static IReadOnlyList<RecommendedProduct> For(Order order, RecommendationPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(policy);
        var bought = order.Items.Select(i => i.Sku).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bySku = order.Items.SelectMany(i => policy.BySku.TryGetValue(i.Sku, out var list) ? list : []);
        var byCategory = order.Items.SelectMany(i => Policies.CategoryLookup.TryFind(policy.ByCategory, i.Category, out var list) ? list : []);
        return bySku.Concat(byCategory)
            .Where(p => !string.IsNullOrWhiteSpace(p.Sku) && !bought.Contains(p.Sku) && ReorderLinks.IsWebUrl(p.Url))
            .DistinctBy(p => p.Sku, StringComparer.OrdinalIgnoreCase)
            .Take(Math.Max(0, policy.Max))
            .ToList();
    }

    /// <summary>The products as the message fact stores them.</summary>
    public static string ToFact(IReadOnlyList<RecommendedProduct> products) => JsonSerializer.Serialize(products, CoreJson.Options);

    /// <summary>The products of a message fact; empty when the fact is missing or damaged.</summary>
    public static IReadOnlyList<RecommendedProduct> FromFacts(IReadOnlyDictionary<string, string>? facts)
    {
        if (facts is null || !facts.TryGetValue(Fact, out var json) || string.IsNullOrWhiteSpace(json))
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<List<RecommendedProduct>>(json, CoreJson.Options) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
