using PostPurchase.Core.Orders.Intake.Rules;

namespace PostPurchase.Core.Orders.Intake;

/// <summary>Turns an intake request into an <see cref="Order"/>, reporting every invalid field at once.</summary>
/// <remarks>
/// Errors are keyed by JSON path ("customer.phone", "items[1].quantity"). Values are normalised on the way:
/// phones to E.164 (a national number is read in the shipping country), locales to their language ("nl-NL" to
/// "nl"), time zones, currencies and countries to their canonical spelling. Totals must add up within 0.01:
/// subtotal = sum of the lines; total = subtotal - discount + shipping, plus tax when prices exclude it.
/// </remarks>
public static class OrderIntakeValidator
{
    /// <summary>The longest order id accepted; ids appear in URLs and storage keys.</summary>
    public const int MaxOrderIdLength = 64;

    /// <summary>Validates the whole request (E.164 phones via libphonenumber, IANA zones, ISO currency, totals that add up).</summary>
    public static ValidationResult<Order> Validate(OrderIntakeRequest? request)
    {
        var errors = new IntakeErrors();
        if (request is null)
        {
            errors.Add("$", "A JSON order is required.");
            return new ValidationResult<Order>(null, errors.ToDictionary());
        }
        var orderId = OrderId(request.OrderId, errors);
        var placedAt = errors.Required(request.PlacedAt, "placedAt");
        var currency = Currency(request.Currency, errors);
        var address = AddressRules.Validate(request.ShippingAddress, errors);
        // The phone's default region: a number written nationally belongs to the country it ships to.
        var phoneRegion = request.ShippingAddress?.Country is { } country ? Countries.Normalise(country) : null;
        var customer = CustomerRules.Validate(request.Customer, phoneRegion, placedAt, errors);
        var items = ItemRules.Validate(request.Items, errors);
        var totals = TotalsRules.Validate(request.Totals, items, errors);
        var paymentMethod = errors.Required(request.PaymentMethod, "paymentMethod", 100);
        var promise = AddressRules.Promise(request.Promise, placedAt, errors);
        var shipments = Shipments(request.Shipments, request.Items, errors);

        if (!errors.IsEmpty)
        {
            return new ValidationResult<Order>(null, errors.ToDictionary());
        }
        var order = new Order(
            orderId!, placedAt!.Value, currency!, customer!, items!, totals!, paymentMethod!, address!, promise!, shipments);
        return new ValidationResult<Order>(order, errors.ToDictionary());
    }

    /// <summary>Validates a parcel registration (carrier and tracking number required).</summary>
    public static ValidationResult<ShipmentRef> ValidateShipment(ShipmentRequest? request)
    {
        var errors = new IntakeErrors();
        var shipment = ShipmentRules.Validate(request, "", orderSkus: null, errors);
        return new ValidationResult<ShipmentRef>(errors.IsEmpty ? shipment : null, errors.ToDictionary());
    }

    private static string? OrderId(string? value, IntakeErrors errors)
    {
        var orderId = errors.Required(value, "orderId", MaxOrderIdLength);
        if (orderId is not null && !orderId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("orderId", "Use only letters, digits, '-', '_' and '.' (e.g. 1001 rather than #1001).");
        }
        return orderId;
    }

    private static string? Currency(string? value, IntakeErrors errors)
    {
        var text = errors.Required(value, "currency", 10);
        if (text is null)
        {
            return null;
        }
        var currency = Currencies.Normalise(text);
        if (currency is null)
        {
            errors.Add("currency", "Not an ISO 4217 currency code, e.g. EUR.");
        }
        return currency;
    }

    private static IReadOnlyList<ShipmentRef> Shipments(
        IReadOnlyList<ShipmentRequest>? requests, IReadOnlyList<OrderItemRequest>? items, IntakeErrors errors)
    {
        if (requests is null)
        {
            return [];
        }
        // Read from the request so that a parcel's SKUs are checked even when another line is invalid.
        var skus = items?.Where(i => !string.IsNullOrWhiteSpace(i?.Sku)).Select(i => i.Sku!.Trim()).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var shipments = new List<ShipmentRef>();
        for (var i = 0; i < requests.Count; i++)
        {
            var shipment = ShipmentRules.Validate(requests[i], $"shipments[{i}].", skus, errors);
            if (shipment is null)
            {
                continue;
            }
            if (!seen.Add(shipment.Key))
            {
                errors.Add($"shipments[{i}].trackingNumber", "Registered twice in this order.");
            }
            shipments.Add(shipment);
        }
        return shipments;
    }
}
