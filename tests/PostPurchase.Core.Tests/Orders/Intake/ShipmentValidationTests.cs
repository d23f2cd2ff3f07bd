using PostPurchase.Core.Orders;
using PostPurchase.Core.Orders.Intake;

namespace PostPurchase.Core.Tests.Orders.Intake;

public sealed class ShipmentValidationTests
{
    [Fact]
    public void ValidateShipment_CarrierAndNumber_IsTheParcel()
    {
        var result = OrderIntakeValidator.ValidateShipment(new ShipmentRequest(" dhl ", " JJD 0001-2 ", ["ANY-SKU"]));

        Assert.True(result.IsValid);
        Assert.Equal(("dhl", "JJD 0001-2", "JJD00012"), (result.Value!.Carrier, result.Value.TrackingNumber, result.Value.Key));
        Assert.Equal(["ANY-SKU"], result.Value.Skus!);
    }

    [Fact]
    public void ValidateShipment_Null_SaysWhatIsExpected()
    {
        var result = OrderIntakeValidator.ValidateShipment(null);

        Assert.Null(result.Value);
        Assert.Contains("carrier and trackingNumber", result.Errors["$"].Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateShipment_NothingFilledIn_NamesBothFields()
    {
        var result = OrderIntakeValidator.ValidateShipment(new ShipmentRequest(null, "  "));

        Assert.False(result.IsValid);
        Assert.Equal(["carrier", "trackingNumber"], result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("3S/123")]
    [InlineData("3S?123")]
    [InlineData("<script>")]
    public void ValidateShipment_TrackingNumberWithOtherCharacters_IsRefused(string trackingNumber) =>
        Assert.Equal(["Use only letters, digits, spaces and dashes."],
            OrderIntakeValidator.ValidateShipment(new ShipmentRequest("postnl", trackingNumber)).Errors["trackingNumber"]);

    [Fact]
    public void ValidateShipment_BlankSku_IsNamedByIndex() =>
        Assert.Equal(["Required."], OrderIntakeValidator.ValidateShipment(new ShipmentRequest("postnl", "3S1", ["A", " "])).Errors["skus[1]"]);

    [Fact]
    public void Validate_ShipmentSkuNotInOrder_IsRefused()
    {
        var request = IntakeRequests.Valid() with { Shipments = [new ShipmentRequest("postnl", "3S1", ["SERUM-30", "MUG"])] };

        Assert.Equal(["'MUG' is not the SKU of any item of this order."], OrderIntakeValidatorTests.Errors(request)["shipments[0].skus[1]"]);
    }

    [Fact]
    public void Validate_SameParcelTwice_IsRefusedOnTheSecond()
    {
        var request = IntakeRequests.Valid() with { Shipments = [new ShipmentRequest("postnl", "3S-POST 1"), new ShipmentRequest("PostNL", "3spost1")] };

        Assert.Equal(["Registered twice in this order."], OrderIntakeValidatorTests.Errors(request)["shipments[1].trackingNumber"]);
    }

    [Fact]
    public void Validate_TwoParcels_AreBothKept()
    {
        var request = IntakeRequests.Valid() with
        {
            Shipments = [new ShipmentRequest("postnl", "3S1", ["SERUM-30"]), new ShipmentRequest("dhl", "JJD2", ["TEE-M"])],
        };

        Assert.Equal(["3S1", "JJD2"], OrderIntakeValidator.Validate(request).Value!.Shipments.Select(s => s.Key));
    }
}
