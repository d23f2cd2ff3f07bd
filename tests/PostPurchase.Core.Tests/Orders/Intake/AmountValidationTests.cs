using PostPurchase.Core.Orders.Intake;

namespace PostPurchase.Core.Tests.Orders.Intake;

/// <summary>Quantities, prices and totals: positive where they must be, and adding up within 0.01.</summary>
public sealed class AmountValidationTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Validate_QuantityNotPositive_IsRefusedOnItsLine(int quantity)
    {
        var valid = IntakeRequests.Valid();
        var request = valid with { Items = [valid.Items![0], valid.Items[1] with { Quantity = quantity }] };

        Assert.Equal(["Must be greater than 0."], OrderIntakeValidatorTests.Errors(request)["items[1].quantity"]);
    }

    [Fact]
    public void Validate_NegativeUnitPrice_IsRefused()
    {
        var valid = IntakeRequests.Valid();
        var request = valid with { Items = [valid.Items![0] with { UnitPrice = -0.01m }, valid.Items[1]] };

        Assert.Contains("items[0].unitPrice", OrderIntakeValidatorTests.Errors(request).Keys);
    }

    [Fact]
    public void Validate_FreeItem_IsAccepted()
    {
        var request = IntakeRequests.Valid() with
        {
            Items = [new OrderItemRequest("SAMPLE", "Free sample", "skincare", 1, 0m)],
            Totals = new TotalsRequest(0m, 0m, 0m, 0m, 0m),
            Shipments = [],
        };

        Assert.True(OrderIntakeValidator.Validate(request).IsValid);
    }

    [Fact]
    public void Validate_ItemsMissing_AsksForOne() =>
        Assert.Equal(["At least one item is required."], OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { Items = [] })["items"]);

    [Fact]
    public void Validate_SubtotalNotTheSumOfLines_NamesTheSum() =>
        Assert.Equal(["Is 70.00 but the items add up to 73.95."],
            OrderIntakeValidatorTests.Errors(IntakeRequests.WithTotals(70.00m, 0m, 0m, 0m, 70.00m))["totals.subtotal"]);

    [Theory]
    [InlineData(73.90)]
    [InlineData(73.91)]
    [InlineData(73.89)]
    [InlineData(86.73)]
    [InlineData(86.74)]
    public void Validate_TotalWithTaxIncludedOrAdded_IsAccepted(decimal total) =>
        Assert.True(OrderIntakeValidator.Validate(IntakeRequests.WithTotals(73.95m, 5.00m, 4.95m, 12.83m, total)).IsValid);

    [Theory]
    [InlineData(73.92)]
    [InlineData(73.88)]
    [InlineData(80.00)]
    [InlineData(86.75)]
    public void Validate_TotalThatAddsUpNeitherWay_ShowsBothExpectations(decimal total)
    {
        var message = OrderIntakeValidatorTests.Errors(IntakeRequests.WithTotals(73.95m, 5.00m, 4.95m, 12.83m, total))["totals.total"].Single();

        Assert.Contains("73.90", message, StringComparison.Ordinal);
        Assert.Contains("86.73", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NegativeAmounts_AreEachRefused()
    {
        var errors = OrderIntakeValidatorTests.Errors(IntakeRequests.WithTotals(73.95m, -1m, -2m, -3m, 73.90m));

        Assert.All(["totals.discount", "totals.shipping", "totals.tax"], path => Assert.Equal(["Must be 0 or more."], errors[path]));
    }

    [Fact]
    public void Validate_TaxAboveTotal_IsRefused() =>
        Assert.Contains("totals.tax", OrderIntakeValidatorTests.Errors(IntakeRequests.WithTotals(73.95m, 73.95m, 0m, 5m, 0m)).Keys);

    [Fact]
    public void Validate_TotalsWithoutSubtotalAndTotal_NamesBoth()
    {
        var errors = OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { Totals = new TotalsRequest(null, 0m, 0m, 0m, null) });

        Assert.Equal(["Required."], errors["totals.subtotal"]);
        Assert.Equal(["Required."], errors["totals.total"]);
    }
}
