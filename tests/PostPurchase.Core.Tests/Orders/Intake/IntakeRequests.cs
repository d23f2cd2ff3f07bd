using PostPurchase.Core.Orders.Intake;

namespace PostPurchase.Core.Tests.Orders.Intake;

/// <summary>A complete, valid intake request to vary one field at a time.</summary>
internal static class IntakeRequests
{
    public static readonly DateTimeOffset PlacedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(1));

    public static CustomerRequest Customer { get; } = new(
        "Anna", "de Vries", "anna@example.com", "+31 6 1234 5678", "nl-NL", "Europe/Amsterdam",
        new ConsentRequest(Sms: true, WhatsApp: false, Marketing: true, WordingVersion: "2026-01"));

    public static OrderIntakeRequest Valid() => new(
        "1001",
        PlacedAt,
        "EUR",
        Customer,
        [
            new OrderItemRequest("SERUM-30", "Hydrating serum 30 ml", "skincare", 1, 34.95m, "https://shop.example/img/serum.jpg"),
            new OrderItemRequest("TEE-M", "Organic T-shirt", "apparel", 2, 19.50m),
        ],
        // 73.95 - 5.00 + 4.95 = 73.90, tax included (21%).
        new TotalsRequest(73.95m, 5.00m, 4.95m, 12.83m, 73.90m),
        "iDEAL",
        new AddressRequest("Damrak 1", null, "1012 LG", "Amsterdam", "NL"),
        new PromiseRequest(PlacedAt.AddDays(1), PlacedAt.AddDays(4)),
        [new ShipmentRequest("postnl", "3SPOST0000001", ["SERUM-30"])]);

    public static OrderIntakeRequest WithCustomer(Func<CustomerRequest, CustomerRequest> change)
    {
        var valid = Valid();
        return valid with { Customer = change(valid.Customer!) };
    }

    public static OrderIntakeRequest WithTotals(decimal subtotal, decimal discount, decimal shipping, decimal tax, decimal total) =>
        Valid() with { Totals = new TotalsRequest(subtotal, discount, shipping, tax, total) };
}
