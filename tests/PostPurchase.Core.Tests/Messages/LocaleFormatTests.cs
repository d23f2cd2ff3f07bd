using PostPurchase.Core.Messages;

namespace PostPurchase.Core.Tests.Messages;

public class LocaleFormatTests
{
    [Theory]
    [InlineData("en", "EUR", "€34.95")]
    [InlineData("nl", "EUR", "€\u00A034,95")]
    [InlineData("de", "EUR", "34,95\u00A0€")]
    [InlineData("fr", "EUR", "34,95\u00A0€")]
    [InlineData("pl", "PLN", "34,95\u00A0zł")]
    [InlineData("en", "GBP", "£34.95")]
    [InlineData("en", "XYZ", "XYZ34.95")]
    public void Money_PerLocale_UsesLocalPattern(string locale, string currency, string expected) =>
        Assert.Equal(expected, LocaleFormat.Money(34.95m, currency, locale).Replace(' ', '\u00A0'));

    [Theory]
    [InlineData("en", "€1,234.50")]
    [InlineData("de", "1.234,50 €")]
    [InlineData("fr", "1 234,50 €")]
    public void Money_Thousands_UseLocalGroupSeparator(string locale, string expected) =>
        Assert.Equal(expected, Plain(LocaleFormat.Money(1234.5m, "EUR", locale)));

    [Theory]
    [InlineData("en", "-€5.00")]
    [InlineData("nl", "-€ 5,00")]
    [InlineData("de", "-5,00 €")]
    public void Money_Negative_HasLeadingMinus(string locale, string expected) =>
        Assert.Equal(expected, Plain(LocaleFormat.Money(-5m, "EUR", locale)));

    [Theory]
    [InlineData("en", "Tuesday 3 March")]
    [InlineData("nl", "dinsdag 3 maart")]
    [InlineData("de", "Dienstag, 3. März")]
    [InlineData("fr", "mardi 3 mars")]
    [InlineData("pl", "wtorek, 3 marca")]
    public void Date_LateUtcEvening_IsNextDayInWarsaw(string locale, string expected) =>
        Assert.Equal(expected, LocaleFormat.Date(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), "Europe/Warsaw", locale));

    [Theory]
    [InlineData("en", "Tuesday 3 March at 00:30")]
    [InlineData("nl", "dinsdag 3 maart om 00:30")]
    [InlineData("de", "Dienstag, 3. März um 00:30 Uhr")]
    [InlineData("fr", "mardi 3 mars à 00h30")]
    [InlineData("pl", "wtorek, 3 marca, godz. 00:30")]
    public void DateTime_PerLocale_ShowsLocalTime(string locale, string expected) =>
        Assert.Equal(expected, LocaleFormat.DateTime(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), "Europe/Amsterdam", locale));

    [Fact]
    public void Date_SummerTime_UsesZoneRules() =>
        Assert.Equal("Monday 6 July at 02:00", LocaleFormat.DateTime(new DateTimeOffset(2026, 7, 6, 0, 0, 0, TimeSpan.Zero), "Europe/Berlin", "en"));

    [Fact]
    public void Date_UnknownZone_ThrowsWithId()
    {
        var error = Assert.Throws<ArgumentException>(() => LocaleFormat.Date(DateTimeOffset.UnixEpoch, "Mars/Olympus", "en"));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nl-BE", "nl")]
    [InlineData("PL", "pl")]
    [InlineData("es", "en")]
    [InlineData(null, "en")]
    public void Normalize_Tag_MapsToSupportedLocale(string? tag, string expected) => Assert.Equal(expected, LocaleFormat.Normalize(tag));

    private static string Plain(string text) => text.Replace('\u00A0', ' ').Replace('\u202F', ' ');
}
