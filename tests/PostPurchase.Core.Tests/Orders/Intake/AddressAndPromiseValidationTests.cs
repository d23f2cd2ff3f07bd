using PostPurchase.Core.Orders.Intake;

namespace PostPurchase.Core.Tests.Orders.Intake;

public sealed class AddressAndPromiseValidationTests
{
    private static readonly DateTimeOffset PlacedAt = IntakeRequests.PlacedAt;

    [Theory]
    [InlineData("NLD")]
    [InlineData("XX")]
    [InlineData("Netherlands")]
    [InlineData("UK")]
    public void Validate_CountryNotIsoAlpha2_IsRefused(string country) =>
        Assert.Equal(["Not an ISO 3166-1 alpha-2 country code, e.g. NL."],
            OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { ShippingAddress = new AddressRequest("Damrak 1", null, "1012 LG", "Amsterdam", country) })["shippingAddress.country"]);

    [Theory]
    [InlineData("gb", "GB")]
    [InlineData("XK", "XK")]
    [InlineData("de", "DE")]
    public void Validate_IsoCountry_IsStoredUpperCase(string country, string expected) =>
        Assert.Equal(expected, OrderIntakeValidator.Validate(IntakeRequests.Valid() with
        {
            ShippingAddress = new AddressRequest("1 Main St", null, "", "Town", country),
            Customer = IntakeRequests.Customer with { Phone = "+31612345678" },
        }).Value!.ShippingAddress.Country);

    [Fact]
    public void Validate_AddressWithoutLineAndCity_NamesBoth()
    {
        var errors = OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { ShippingAddress = new AddressRequest(" ", null, null, null, "NL") });

        Assert.Equal(["shippingAddress.city", "shippingAddress.line1"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_ShipByAfterDeliverBy_IsRefused() =>
        Assert.Equal(["Must not be after promise.deliverBy."],
            OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { Promise = new PromiseRequest(PlacedAt.AddDays(5), PlacedAt.AddDays(4)) })["promise.shipBy"]);

    [Fact]
    public void Validate_ShipByEqualToDeliverBy_IsAccepted() =>
        Assert.True(OrderIntakeValidator.Validate(IntakeRequests.Valid() with { Promise = new PromiseRequest(PlacedAt.AddDays(2), PlacedAt.AddDays(2)) }).IsValid);

    [Fact]
    public void Validate_ShipBySlightlyBeforePlacement_IsAccepted() =>
        Assert.True(OrderIntakeValidator.Validate(IntakeRequests.Valid() with { Promise = new PromiseRequest(PlacedAt.AddHours(-1), PlacedAt.AddDays(2)) }).IsValid);

    [Fact]
    public void Validate_DeliverByNotAfterPlacement_IsRefused() =>
        Assert.Equal(["Must be after placedAt."],
            OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { Promise = new PromiseRequest(PlacedAt.AddDays(-2), PlacedAt) })["promise.deliverBy"]);

    [Fact]
    public void Validate_PromiseWithoutDates_NamesBoth()
    {
        var errors = OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { Promise = new PromiseRequest(null, null) });

        Assert.Equal(["promise.deliverBy", "promise.shipBy"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
