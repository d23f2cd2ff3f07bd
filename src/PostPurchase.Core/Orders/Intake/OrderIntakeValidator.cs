namespace PostPurchase.Core.Orders.Intake;

/// <summary>Turns an intake request into an <see cref="Order"/>, reporting every invalid field at once.</summary>
public static class OrderIntakeValidator
{
    /// <summary>Validates the whole request (E.164 phones via libphonenumber, IANA zones, ISO currency, totals that add up).</summary>
    public static ValidationResult<Order> Validate(OrderIntakeRequest? request) =>
        throw new NotImplementedException("Being written.");

    /// <summary>Validates a parcel registration (carrier and tracking number required).</summary>
    public static ValidationResult<ShipmentRef> ValidateShipment(ShipmentRequest? request) =>
        throw new NotImplementedException("Being written.");
}
