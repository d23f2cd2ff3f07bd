using NodaTime.TimeZones;
using PostPurchase.Core.Orders.Intake.Rules;

namespace PostPurchase.Core.Tests.Orders.Intake;

/// <summary>The code lists agree with independent sources, so a typo in them cannot hide.</summary>
public sealed class ReferenceDataTests
{
    [Fact]
    public void Countries_AreTheIsoListPlusKosovo() => Assert.Equal(249 + 1, Countries.All.Count);

    [Fact]
    public void Countries_CoverEveryCountryOfTheTimeZoneDatabase()
    {
        var tzdbCountries = TzdbDateTimeZoneSource.Default.ZoneLocations!.Select(l => l.CountryCode).Distinct();

        Assert.All(tzdbCountries, code => Assert.Contains(code, Countries.All));
    }

    [Fact]
    public void Currencies_CoverTheCurrenciesOfTheMarketsWeServe()
    {
        foreach (var country in new[] { "NL", "BE", "DE", "AT", "FR", "PL", "GB", "CH", "SE", "DK", "CZ", "US", "CA", "AU", "JP" })
        {
            var currency = new System.Globalization.RegionInfo(country).ISOCurrencySymbol;
            Assert.True(Currencies.Normalise(currency) is not null, $"{country}: {currency}");
        }
    }

    [Theory]
    [InlineData("eur", "EUR")]
    [InlineData(" Pln ", "PLN")]
    [InlineData("XCG", "XCG")]
    [InlineData("CHE", null)]
    [InlineData("XTS", null)]
    [InlineData("EU", null)]
    public void Currencies_Normalise_KeepsOnlyShopCurrencies(string code, string? expected) =>
        Assert.Equal(expected, Currencies.Normalise(code));
}
