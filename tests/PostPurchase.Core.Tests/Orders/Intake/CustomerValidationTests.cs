using PostPurchase.Core.Orders.Intake;

namespace PostPurchase.Core.Tests.Orders.Intake;

/// <summary>The buyer's contact details: valid phones stored as E.164, mailable addresses, supported languages, IANA zones.</summary>
public sealed class CustomerValidationTests
{
    private static ValidationResult<Core.Orders.Order> With(Func<CustomerRequest, CustomerRequest> change) =>
        OrderIntakeValidator.Validate(IntakeRequests.WithCustomer(change));

    private static string[] ErrorsAt(Func<CustomerRequest, CustomerRequest> change, string path)
    {
        var result = With(change);
        Assert.False(result.IsValid);
        Assert.True(result.Errors.ContainsKey(path), $"Expected an error at {path}; got {string.Join(", ", result.Errors.Keys)}.");
        return result.Errors[path];
    }

    [Theory]
    [InlineData("+31612345678", "NL", "+31612345678")]
    [InlineData("+31 6 1234 5678", "NL", "+31612345678")]
    [InlineData("06-12345678", "NL", "+31612345678")]
    [InlineData("0031 6 12345678", "NL", "+31612345678")]
    [InlineData("+32 470 12 34 56", "NL", "+32470123456")]
    [InlineData("0151 23456789", "DE", "+4915123456789")]
    [InlineData("+1 (650) 253-0000", "NL", "+16502530000")]
    public void Validate_ValidPhone_IsStoredAsE164(string phone, string country, string expected)
    {
        var request = IntakeRequests.Valid() with
        {
            Customer = IntakeRequests.Customer with { Phone = phone },
            ShippingAddress = new AddressRequest("Street 1", null, "12345", "City", country),
        };

        var result = OrderIntakeValidator.Validate(request);

        Assert.True(result.IsValid, string.Join(", ", result.Errors.Keys));
        Assert.Equal(expected, result.Value!.Customer.Phone);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+3161234")]
    [InlineData("call me")]
    [InlineData("+999 1234 5678")]
    [InlineData("+31 6 1234 5678 9999 0000 1111 2222 3333 4444")]
    public void Validate_InvalidPhone_IsRefusedWithAnExample(string phone) =>
        Assert.Contains("+31612345678", ErrorsAt(c => c with { Phone = phone }, "customer.phone").Single(), StringComparison.Ordinal);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Validate_TextConsentWithoutPhone_AsksForThePhone(bool sms, bool whatsApp) =>
        Assert.Contains("consent", ErrorsAt(c => c with { Phone = null, Consent = new ConsentRequest(sms, whatsApp) }, "customer.phone").Single(), StringComparison.Ordinal);

    [Fact]
    public void Validate_NoTextConsentWithoutPhone_IsFine() =>
        Assert.True(With(c => c with { Phone = null, Consent = new ConsentRequest(false, false, Marketing: true) }).IsValid);

    [Theory]
    [InlineData("anna")]
    [InlineData("anna@")]
    [InlineData("@example.com")]
    [InlineData("anna@example")]
    [InlineData("Anna <anna@example.com>")]
    [InlineData("an na@example.com")]
    [InlineData("anna@@example.com")]
    [InlineData("anna@.example.com")]
    [InlineData("anna@example..com")]
    public void Validate_MalformedEmail_IsRefused(string email) =>
        Assert.NotEmpty(ErrorsAt(c => c with { Email = email }, "customer.email"));

    [Theory]
    [InlineData("anna.de-vries+shop@example.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void Validate_UnusualButValidEmail_IsAccepted(string email) =>
        Assert.Equal(email, With(c => c with { Email = email }).Value!.Customer.Email);

    [Theory]
    [InlineData("nl-NL", "nl")]
    [InlineData("nl_BE", "nl")]
    [InlineData("DE", "de")]
    [InlineData("fr-CA", "fr")]
    [InlineData("pl", "pl")]
    [InlineData("en-GB", "en")]
    public void Validate_SupportedLocale_IsReducedToItsLanguage(string locale, string expected) =>
        Assert.Equal(expected, With(c => c with { Locale = locale }).Value!.Customer.Locale);

    [Theory]
    [InlineData("es-ES")]
    [InlineData("xx")]
    [InlineData("dutch")]
    public void Validate_UnsupportedLocale_ListsTheSupportedOnes(string locale) =>
        Assert.Contains("en, nl, de, fr, pl", ErrorsAt(c => c with { Locale = locale }, "customer.locale").Single(), StringComparison.Ordinal);

    [Theory]
    [InlineData("Europe/Warsaw", "Europe/Warsaw")]
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("UTC", "UTC")]
    public void Validate_IanaTimeZone_IsStoredInTzdbSpelling(string zone, string expected) =>
        Assert.Equal(expected, With(c => c with { TimeZone = zone }).Value!.Customer.TimeZone);

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("CET+1")]
    [InlineData("GMT+01:00")]
    public void Validate_UnknownTimeZone_IsRefused(string zone) =>
        Assert.Contains("IANA", ErrorsAt(c => c with { TimeZone = zone }, "customer.timeZone").Single(), StringComparison.Ordinal);

    [Fact]
    public void Validate_WindowsTimeZone_SuggestsTheIanaId() =>
        Assert.Contains("Europe/Berlin", ErrorsAt(c => c with { TimeZone = "W. Europe Standard Time" }, "customer.timeZone").Single(), StringComparison.Ordinal);

    [Fact]
    public void Validate_Consent_IsGrantedAtPlacementWithItsSource()
    {
        var consent = With(c => c with { Consent = new ConsentRequest(false, true, null, "account-settings", "v3") }).Value!.Customer.Consent;

        Assert.Equal(new Core.Orders.ConsentGrant(false, true, false, "account-settings", "v3", IntakeRequests.PlacedAt), consent);
    }

    [Fact]
    public void Validate_CustomerMissing_IsNamed() =>
        Assert.Equal(["Required."], OrderIntakeValidatorTests.Errors(IntakeRequests.Valid() with { Customer = null })["customer"]);

    [Fact]
    public void Validate_OverlongName_IsRefused() =>
        Assert.Contains("100", ErrorsAt(c => c with { FirstName = new string('a', 101) }, "customer.firstName").Single(), StringComparison.Ordinal);
}
