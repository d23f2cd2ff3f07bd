namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>Order lines: at least one; each with SKU, name, a positive quantity and a non-negative price.</summary>
internal static class ItemRules
{
    /// <summary>The most lines one order may have.</summary>
    public const int MaxItems = 500;

    /// <summary>The default category when the shop sends none (review timing then uses its default delay).</summary>
    public const string DefaultCategory = "other";

    /// <summary>The lines, or null when any lacks a required value (every problem is recorded).</summary>
    public static IReadOnlyList<OrderItem>? Validate(IReadOnlyList<OrderItemRequest>? requests, IntakeErrors errors)
    {
        if (requests is null || requests.Count == 0)
        {
            errors.Add("items", "At least one item is required.");
            return null;
        }
        if (requests.Count > MaxItems)
        {
            errors.Add("items", $"At most {MaxItems} items are accepted.");
            return null;
        }
        var items = requests.Select((r, i) => Item(r, $"items[{i}]", errors)).ToList();
        return items.Any(i => i is null) ? null : items.Select(i => i!).ToList();
    }

    private static OrderItem? Item(OrderItemRequest? request, string path, IntakeErrors errors)
    {
        if (request is null)
        {
            errors.Add(path, "Must be an item object.");
            return null;
        }
        var sku = errors.Required(request.Sku, $"{path}.sku", 100);
        var name = errors.Required(request.Name, $"{path}.name", 300);
        var category = errors.Optional(request.Category, $"{path}.category", 100) ?? DefaultCategory;
        var quantity = errors.Required(request.Quantity, $"{path}.quantity");
        if (quantity is <= 0)
        {
            errors.Add($"{path}.quantity", "Must be greater than 0.");
        }
        var unitPrice = errors.Required(request.UnitPrice, $"{path}.unitPrice");
        if (unitPrice < 0)
        {
            errors.Add($"{path}.unitPrice", "Must be 0 or more.");
        }
        var imageUrl = UrlRule.Optional(request.ImageUrl, $"{path}.imageUrl", errors);
        var productUrl = UrlRule.Optional(request.ProductUrl, $"{path}.productUrl", errors);
        var howToUrl = UrlRule.Optional(request.HowToUrl, $"{path}.howToUrl", errors);
        var variantId = errors.Optional(request.VariantId, $"{path}.variantId", 100);
        // Other problems are recorded; the order is only built when there are none at all.
        return sku is null || name is null || quantity is null || unitPrice is null
            ? null
            : new OrderItem(sku, name, category, quantity.Value, unitPrice.Value, imageUrl, productUrl, howToUrl, variantId);
    }
}
