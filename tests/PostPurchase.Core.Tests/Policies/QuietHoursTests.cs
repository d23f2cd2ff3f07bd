using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Tests.Policies;

public class QuietHoursTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly NodaTime.DateTimeZone Amsterdam = LocalTimes.Zone("Europe/Amsterdam");

    [Theory]
    [InlineData(10, 0, 10, 0)]
    [InlineData(7, 59, 8, 0)]
    [InlineData(20, 59, 20, 59)]
    public void NextAllowed_SameDay_Expected(int h, int m, int eh, int em)
    {
        var at = new DateTimeOffset(2026, 3, 3, h, m, 0, Cet);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, eh, em, 0, Cet), QuietHours.NextAllowed(at, Amsterdam, new QuietHoursRule(), "NL"));
    }

    [Fact]
    public void NextAllowed_AtLatestHour_NextMorning()
    {
        var at = new DateTimeOffset(2026, 3, 3, 21, 0, 0, Cet);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 0, 0, Cet), QuietHours.NextAllowed(at, Amsterdam, new QuietHoursRule(), "NL"));
    }

    [Fact]
    public void RuleFor_UnlistedCountry_Default_AndFranceBuiltIn()
    {
        var policy = new QuietHoursPolicy();
        Assert.Same(policy.Default, QuietHours.RuleFor(policy, "BE"));
        var france = QuietHours.RuleFor(policy, "fr");
        Assert.Equal((22, true, true), (france.LatestHour, france.NoSundays, france.NoPublicHolidays));
    }

    [Fact]
    public void NextAllowed_InvalidRule_ThrowsNamingHours()
    {
        var ex = Assert.Throws<ArgumentException>(() => QuietHours.NextAllowed(DateTimeOffset.UnixEpoch, Amsterdam, new QuietHoursRule { EarliestHour = 22, LatestHour = 8 }, "NL"));
        Assert.Contains("22", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsAllowed_SundayInFrance_False()
    {
        var paris = LocalTimes.Zone("Europe/Paris");
        var rule = QuietHours.RuleFor(new QuietHoursPolicy(), "FR");
        Assert.False(QuietHours.IsAllowed(new DateTimeOffset(2026, 3, 8, 12, 0, 0, Cet), paris, rule, "FR"));
        Assert.True(QuietHours.IsAllowed(new DateTimeOffset(2026, 3, 9, 12, 0, 0, Cet), paris, rule, "FR"));
    }
}
