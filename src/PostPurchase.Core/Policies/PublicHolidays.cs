using NodaTime;

namespace PostPurchase.Core.Policies;

/// <summary>Public holidays computed per country (no table to keep up to date); France is built in.</summary>
public static class PublicHolidays
{
    /// <summary>True when <paramref name="date"/> is a public holiday in <paramref name="country"/> (ISO alpha-2); false for countries without built-in rules.</summary>
    public static bool IsHoliday(string country, LocalDate date)
    {
        ArgumentNullException.ThrowIfNull(country);
        return country.Trim().ToUpperInvariant() switch
        {
            "FR" => IsFrenchHoliday(date),
            _ => false,
        };
    }

    /// <summary>The eleven French public holidays of metropolitan France, Easter-based ones included.</summary>
    public static IReadOnlyList<LocalDate> French(int year)
    {
        var easter = EasterSunday(year);
        return
        [
            new LocalDate(year, 1, 1),
            easter.PlusDays(1),   // Lundi de Pâques
            new LocalDate(year, 5, 1),
            new LocalDate(year, 5, 8),
            easter.PlusDays(39),  // Ascension
            easter.PlusDays(50),  // Lundi de Pentecôte
            new LocalDate(year, 7, 14),
            new LocalDate(year, 8, 15),
            new LocalDate(year, 11, 1),
            new LocalDate(year, 11, 11),
            new LocalDate(year, 12, 25),
        ];
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).</summary>
    public static LocalDate EasterSunday(int year)
    {
        if (year is < 1583 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "The Gregorian computus applies from 1583 to 9999.");
        }
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new LocalDate(year, month, day);
    }

    private static bool IsFrenchHoliday(LocalDate date) => French(date.Year).Contains(date);
}
