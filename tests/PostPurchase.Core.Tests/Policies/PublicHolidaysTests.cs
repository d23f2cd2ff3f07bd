using NodaTime;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Tests.Policies;

public class PublicHolidaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    [InlineData(2285, 3, 22)]
    public void EasterSunday_KnownYears_MatchesTheCalendar(int year, int month, int day) =>
        Assert.Equal(new LocalDate(year, month, day), PublicHolidays.EasterSunday(year));

    [Fact]
    public void French_2026_ElevenHolidaysWithEasterBasedOnes()
    {
        var holidays = PublicHolidays.French(2026);

        Assert.Equal(11, holidays.Count);
        Assert.Contains(new LocalDate(2026, 4, 6), holidays);
        Assert.Contains(new LocalDate(2026, 5, 14), holidays);
        Assert.Contains(new LocalDate(2026, 5, 25), holidays);
    }

    [Theory]
    [InlineData("FR", 2026, 11, 11, true)]
    [InlineData("fr", 2026, 5, 8, true)]
    [InlineData("FR", 2026, 4, 7, false)]
    [InlineData("NL", 2026, 7, 14, false)]
    public void IsHoliday_CountryAndDate_Expected(string country, int y, int m, int d, bool expected) =>
        Assert.Equal(expected, PublicHolidays.IsHoliday(country, new LocalDate(y, m, d)));

    [Fact]
    public void EasterSunday_BeforeGregorianCalendar_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PublicHolidays.EasterSunday(1500));
}
