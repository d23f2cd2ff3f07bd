using CsCheck;
using PostPurchase.Core.Orders.Intake;

namespace PostPurchase.Core.Tests.Orders.Intake;

/// <summary>Whatever text a shop sends, validation answers with errors or an order; it never throws.</summary>
public sealed class IntakeFuzzTests
{
    private static readonly Gen<string?> Text = Gen.OneOf(Gen.String[0, 80].Select(s => (string?)s), Gen.Const((string?)null));

    [Fact]
    public void Validate_ArbitraryText_NeverThrowsAndNamesEveryBadField() =>
        Gen.Select(Text, Text, Text, Text, Text, Text, Text).Sample((phone, email, locale, zone, currency, country, tracking) =>
        {
            var valid = IntakeRequests.Valid();
            var request = valid with
            {
                Currency = currency,
                Customer = valid.Customer! with { Phone = phone, Email = email, Locale = locale, TimeZone = zone },
                ShippingAddress = valid.ShippingAddress! with { Country = country },
                Shipments = [new ShipmentRequest("postnl", tracking)],
            };

            var result = OrderIntakeValidator.Validate(request);

            Assert.Equal(result.IsValid, result.Value is not null);
            Assert.All(result.Errors.Values, messages => Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m))));
        });

    [Fact]
    public void ValidateShipment_ArbitraryText_NeverThrows() =>
        Gen.Select(Text, Text).Sample((carrier, tracking) =>
        {
            var result = OrderIntakeValidator.ValidateShipment(new ShipmentRequest(carrier, tracking));

            Assert.Equal(result.IsValid, result.Errors.Count == 0);
        });
}
