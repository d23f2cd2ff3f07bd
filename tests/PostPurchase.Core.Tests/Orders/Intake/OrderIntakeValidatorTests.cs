using PostPurchase.Core.Orders;
using PostPurchase.Core.Orders.Intake;

namespace PostPurchase.Core.Tests.Orders.Intake;

public sealed class OrderIntakeValidatorTests
{
    [Fact]
    public void Validate_ValidRequest_BuildsTheNormalisedOrder()
    {
        var result = OrderIntakeValidator.Validate(IntakeRequests.Valid());

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        var order = result.Value!;
        Assert.Equal("1001", order.OrderId);
        Assert.Equal(IntakeRequests.PlacedAt, order.PlacedAt);
        Assert.Equal("EUR", order.Currency);
        Assert.Equal(
            new Customer("Anna", "de Vries", "anna@example.com", "+31612345678", "nl", "Europe/Amsterdam",
                new ConsentGrant(Sms: true, WhatsApp: false, Marketing: true, "checkout", "2026-01", IntakeRequests.PlacedAt)),
            order.Customer);
        Assert.Equal(
            [
                new OrderItem("SERUM-30", "Hydrating serum 30 ml", "skincare", 1, 34.95m, "https://shop.example/img/serum.jpg"),
                new OrderItem("TEE-M", "Organic T-shirt", "apparel", 2, 19.50m),
            ],
            order.Items);
        Assert.Equal(new OrderTotals(73.95m, 5.00m, 4.95m, 12.83m, 73.90m), order.Totals);
        Assert.Equal("iDEAL", order.PaymentMethod);
        Assert.Equal(new Address("Damrak 1", null, "1012 LG", "Amsterdam", "NL"), order.ShippingAddress);
        Assert.Equal(new DeliveryPromise(IntakeRequests.PlacedAt.AddDays(1), IntakeRequests.PlacedAt.AddDays(4)), order.Promise);
        var shipment = Assert.Single(order.Shipments);
        Assert.Equal(("postnl", "3SPOST0000001"), (shipment.Carrier, shipment.TrackingNumber));
        Assert.Equal(["SERUM-30"], shipment.Skus!);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void Validate_LowerCaseCodes_AreNormalised()
    {
        var request = IntakeRequests.Valid() with
        {
            Currency = " eur ",
            ShippingAddress = new AddressRequest(" Damrak 1 ", " ", "", "Amsterdam", "nl"),
            Customer = IntakeRequests.Customer with { TimeZone = "europe/amsterdam", Locale = "NL" },
        };

        var order = OrderIntakeValidator.Validate(request).Value!;

        Assert.Equal(("EUR", "NL", "Europe/Amsterdam", "nl"), (order.Currency, order.ShippingAddress.Country, order.Customer.TimeZone, order.Customer.Locale));
        Assert.Equal(new Address("Damrak 1", null, "", "Amsterdam", "NL"), order.ShippingAddress);
    }

    [Fact]
    public void Validate_OptionalPartsLeftOut_GetTheirDefaults()
    {
        var request = IntakeRequests.Valid() with
        {
            Customer = IntakeRequests.Customer with { LastName = null, Phone = null, Consent = null },
            Items = [new OrderItemRequest("GIFT", "Gift card", null, 1, 25m)],
            Totals = new TotalsRequest(25m, null, null, null, 25m),
            Shipments = null,
        };

        var order = OrderIntakeValidator.Validate(request).Value!;

        Assert.Equal("", order.Customer.LastName);
        Assert.Null(order.Customer.Phone);
        Assert.Equal(ConsentGrant.None with { GrantedAt = IntakeRequests.PlacedAt }, order.Customer.Consent);
        Assert.Equal("other", Assert.Single(order.Items).Category);
        Assert.Equal(new OrderTotals(25m, 0m, 0m, 0m, 25m), order.Totals);
        Assert.Empty(order.Shipments);
    }

    [Fact]
    public void Validate_NoBody_SaysSo()
    {
        var result = OrderIntakeValidator.Validate(null);

        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        Assert.Equal(["$"], result.Errors.Keys);
    }

    [Fact]
    public void Validate_EmptyRequest_NamesEveryRequiredField()
    {
        var result = OrderIntakeValidator.Validate(new OrderIntakeRequest(null, null, null, null, null, null, null, null, null, null));

        Assert.Null(result.Value);
        Assert.Equal(
            ["currency", "customer", "items", "orderId", "paymentMethod", "placedAt", "promise", "shippingAddress", "totals"],
            result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(result.Errors.Values, messages => Assert.NotEmpty(messages));
    }

    [Fact]
    public void Validate_EveryFieldInvalidAtOnce_ReportsEachByPath()
    {
        var request = new OrderIntakeRequest(
            "#1001",
            IntakeRequests.PlacedAt,
            "EURO",
            new CustomerRequest(" ", null, "anna@", "12345", "es-ES", "Mars/Olympus", new ConsentRequest(true, true)),
            [
                new OrderItemRequest("A", "Thing", "misc", 1, 10m),
                new OrderItemRequest(null, "", null, 0, -1m, "javascript:alert(1)"),
                null!,
            ],
            new TotalsRequest(99m, -1m, 0m, 0m, 5m),
            null,
            new AddressRequest(null, null, null, "Amsterdam", "NLD"),
            new PromiseRequest(IntakeRequests.PlacedAt.AddDays(5), IntakeRequests.PlacedAt.AddDays(-1)),
            [new ShipmentRequest(null, "3S/1", ["B"]), new ShipmentRequest("dhl", "JJD-1"), new ShipmentRequest("dhl", "jjd 1")]);

        var result = OrderIntakeValidator.Validate(request);

        Assert.Null(result.Value);
        Assert.Equal(
            [
                "currency", "customer.email", "customer.firstName", "customer.locale", "customer.phone", "customer.timeZone",
                "items[1].imageUrl", "items[1].name", "items[1].quantity", "items[1].sku", "items[1].unitPrice", "items[2]",
                "orderId", "paymentMethod", "promise.deliverBy", "promise.shipBy",
                "shipments[0].carrier", "shipments[0].skus[0]", "shipments[0].trackingNumber", "shipments[2].trackingNumber",
                "shippingAddress.country", "shippingAddress.line1", "totals.discount", "totals.total",
            ],
            result.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_OrderIdWithHash_ExplainsTheAllowedCharacters() =>
        Assert.Contains("rather than #1001", Errors(IntakeRequests.Valid() with { OrderId = "#1001" })["orderId"].Single(), StringComparison.Ordinal);

    [Fact]
    public void Validate_OverlongOrderId_IsRefused() =>
        Assert.Contains("64", Errors(IntakeRequests.Valid() with { OrderId = new string('1', 65) })["orderId"].Single(), StringComparison.Ordinal);

    [Theory]
    [InlineData("EURO")]
    [InlineData("XXX")]
    [InlineData("XAU")]
    [InlineData("HRK")]
    [InlineData("E")]
    public void Validate_NotAShopCurrency_IsRefused(string currency) =>
        Assert.Contains("currency", Errors(IntakeRequests.Valid() with { Currency = currency }).Keys);

    [Theory]
    [InlineData("EUR")]
    [InlineData("pln")]
    [InlineData("GBP")]
    [InlineData("USD")]
    [InlineData("JPY")]
    public void Validate_IsoCurrency_IsAccepted(string currency) =>
        Assert.True(OrderIntakeValidator.Validate(IntakeRequests.Valid() with { Currency = currency }).IsValid);

    internal static IReadOnlyDictionary<string, string[]> Errors(OrderIntakeRequest request)
    {
        var result = OrderIntakeValidator.Validate(request);
        Assert.False(result.IsValid);
        Assert.Null(result.Value);
        return result.Errors;
    }
}
