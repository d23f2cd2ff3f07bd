using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Tests.Policies;

public class LocalTimesTests
{
    [Fact]
    public void DaysLaterAtHour_AcrossSpringForward_KeepsLocalHour()
    {
        var zone = LocalTimes.Zone("Europe/Amsterdam");
        var from = new DateTimeOffset(2026, 3, 27, 14, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)), LocalTimes.DaysLaterAtHour(from, 3, 10, zone));
    }

    [Fact]
    public void DaysLaterAtHour_ZeroDaysAfterTheHour_NextDay()
    {
        var zone = LocalTimes.Zone("Europe/Amsterdam");
        var from = new DateTimeOffset(2026, 3, 2, 14, 0, 0, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, TimeSpan.FromHours(1)), LocalTimes.DaysLaterAtHour(from, 0, 10, zone));
    }

    [Fact]
    public void FromLocal_SummerTimeInAmsterdam_TheInstantInUtc()
    {
        var at = LocalTimes.FromLocal(new NodaTime.LocalDateTime(2026, 7, 1, 9, 0), LocalTimes.Zone("Europe/Amsterdam"));

        Assert.Equal(TimeSpan.Zero, at.Offset);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 7, 0, 0, TimeSpan.Zero), at);
    }

    [Fact]
    public void Zone_Unknown_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => LocalTimes.Zone("Mars/Olympus"));
        Assert.Contains("Mars/Olympus", ex.Message, StringComparison.Ordinal);
        Assert.False(LocalTimes.IsKnownZone("Mars/Olympus"));
        Assert.True(LocalTimes.IsKnownZone("Pacific/Auckland"));
    }
}
