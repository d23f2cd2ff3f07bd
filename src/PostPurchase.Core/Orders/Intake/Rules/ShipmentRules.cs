namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>Parcels: a carrier and a tracking number made of letters, digits, spaces and dashes; SKUs of the order.</summary>
internal static class ShipmentRules
{
    /// <summary>The most SKUs one parcel may list.</summary>
    public const int MaxSkus = 500;

    /// <summary>The parcel, or null when a required part is missing; <paramref name="orderSkus"/> (when known) limits the SKUs.</summary>
    public static ShipmentRef? Validate(ShipmentRequest? request, string prefix, IReadOnlySet<string>? orderSkus, IntakeErrors errors)
    {
        if (request is null)
        {
            errors.Add(prefix.Length == 0 ? "$" : prefix.TrimEnd('.'), "Must be a shipment object with carrier and trackingNumber.");
            return null;
        }
        var carrier = errors.Required(request.Carrier, $"{prefix}carrier", 50);
        var trackingNumber = errors.Required(request.TrackingNumber, $"{prefix}trackingNumber", 64);
        if (trackingNumber is not null && !trackingNumber.All(c => char.IsAsciiLetterOrDigit(c) || c is ' ' or '-'))
        {
            errors.Add($"{prefix}trackingNumber", "Use only letters, digits, spaces and dashes.");
        }
        var skus = Skus(request.Skus, prefix, orderSkus, errors);
        return carrier is null || trackingNumber is null ? null : new ShipmentRef(carrier, trackingNumber, skus);
    }

    private static List<string> Skus(IReadOnlyList<string>? requested, string prefix, IReadOnlySet<string>? orderSkus, IntakeErrors errors)
    {
        if (requested is null)
        {
            return [];
        }
        if (requested.Count > MaxSkus)
        {
            errors.Add($"{prefix}skus", $"At most {MaxSkus} SKUs are accepted.");
            return [];
        }
        var skus = new List<string>();
        for (var i = 0; i < requested.Count; i++)
        {
            var path = $"{prefix}skus[{i}]";
            var sku = errors.Required(requested[i], path, 100);
            if (sku is null)
            {
                continue;
            }
            if (orderSkus is not null && !orderSkus.Contains(sku))
            {
                errors.Add(path, $"'{sku}' is not the SKU of any item of this order.");
            }
            skus.Add(sku);
        }
        return skus;
    }
}
