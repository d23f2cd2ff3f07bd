using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class QuietHoursAndCapTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly TimeSpan Cest = TimeSpan.FromHours(2);

    private static TimelineDriver Shipped(DateTimeOffset placed, Customer? customer = null, string country = "NL", TimelinePolicy? policy = null)
    {
        var builder = OrderBuilder.Apparel().PlacedAt(placed).Promising(TimeSpan.FromDays(1), TimeSpan.FromDays(10))
            .ShipTo(Some.Address(country)).WithShipment("postnl", "3SONE");
        if (customer is not null)
        {
            builder = builder.For(customer);
        }
        var timeline = TimelineDriver.Place(builder.Build(), policy);
        timeline.Scan(placed.AddHours(1), TrackingStatus.InTransit);
        return timeline;
    }

    [Fact]
    public void Decide_TextLateOnNightSummerTimeStarts_DeferredToEightLocalInSummerTime()
    {
        var timeline = Shipped(new DateTimeOffset(2026, 3, 27, 12, 0, 0, Cet));
        var late = new DateTimeOffset(2026, 3, 28, 22, 30, 0, Cet);

        var decision = timeline.Scan(late, TrackingStatus.OutForDelivery);

        Assert.Equal([Channel.Email], decision.Messages.Where(m => m.Status == MessageStatus.Pending).Select(m => m.Channel));
        var eight = new DateTimeOffset(2026, 3, 29, 8, 0, 0, Cest);
        Assert.Equal(eight, decision.WakeAt);
        Assert.Contains(decision.State.Messages, m => m.Channel == Channel.Sms && m.Status == MessageStatus.Scheduled && m.ScheduledFor == eight);
        timeline.RunUntil(eight);
        Assert.Equal(eight, timeline.SentAt[timeline.Single(Intent.OutForDelivery, Channel.Sms).Key]);
    }

    [Fact]
    public void Decide_TextLateOnNightSummerTimeEnds_DeferredToEightLocalInWinterTime()
    {
        var timeline = Shipped(new DateTimeOffset(2026, 10, 23, 12, 0, 0, Cest));

        timeline.Scan(new DateTimeOffset(2026, 10, 24, 21, 15, 0, Cest), TrackingStatus.OutForDelivery);
        timeline.RunUntil(new DateTimeOffset(2026, 10, 26, 0, 0, 0, Cet));

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 8, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.OutForDelivery, Channel.Sms).Key]);
    }

    [Fact]
    public void Decide_TextBeforeEight_DeferredNotDropped()
    {
        var timeline = Shipped(new DateTimeOffset(2026, 3, 2, 12, 0, 0, Cet));

        timeline.Scan(new DateTimeOffset(2026, 3, 3, 6, 45, 0, Cet), TrackingStatus.OutForDelivery);
        timeline.Scan(new DateTimeOffset(2026, 3, 3, 7, 30, 0, Cet), TrackingStatus.Delivered);
        timeline.RunUntil(new DateTimeOffset(2026, 3, 3, 9, 0, 0, Cet));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.OutForDelivery, Channel.Sms).Key]);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.Delivered, Channel.Sms).Key]);
    }

    [Fact]
    public void Decide_FranceOnSunday_TextWaitsForMonday()
    {
        var paris = Some.Customer("fr", "Europe/Paris");
        var timeline = Shipped(new DateTimeOffset(2026, 3, 6, 12, 0, 0, Cet), paris, "FR");

        timeline.Scan(new DateTimeOffset(2026, 3, 8, 11, 0, 0, Cet), TrackingStatus.OutForDelivery);
        timeline.RunUntil(new DateTimeOffset(2026, 3, 10, 0, 0, 0, Cet));

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 8, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.OutForDelivery, Channel.Sms).Key]);
    }

    [Fact]
    public void Decide_FranceAtHalfPastNine_AllowedUntilTen()
    {
        var paris = Some.Customer("fr", "Europe/Paris");
        var timeline = Shipped(new DateTimeOffset(2026, 3, 2, 12, 0, 0, Cet), paris, "FR");

        var decision = timeline.Scan(new DateTimeOffset(2026, 3, 3, 21, 30, 0, Cet), TrackingStatus.OutForDelivery);

        Assert.Contains(decision.Messages, m => m.Channel == Channel.Sms && m.Status == MessageStatus.Pending);
    }

    [Theory]
    [InlineData(2026, 4, 6, 2026, 4, 7)]   // Easter Monday
    [InlineData(2026, 5, 14, 2026, 5, 15)] // Ascension
    [InlineData(2026, 5, 25, 2026, 5, 26)] // Whit Monday
    [InlineData(2026, 7, 14, 2026, 7, 15)] // Bastille Day
    public void Decide_FrenchPublicHoliday_TextWaitsForNextWorkingDay(int y, int m, int d, int ny, int nm, int nd)
    {
        var paris = Some.Customer("fr", "Europe/Paris");
        var holiday = new DateTimeOffset(y, m, d, 11, 0, 0, Cest);
        var timeline = Shipped(holiday.AddDays(-2), paris, "FR");

        timeline.Scan(holiday, TrackingStatus.OutForDelivery);
        timeline.RunUntil(holiday.AddDays(2));

        Assert.Equal(new DateTimeOffset(ny, nm, nd, 8, 0, 0, Cest), timeline.SentAt[timeline.Single(Intent.OutForDelivery, Channel.Sms).Key]);
    }

    [Fact]
    public void Decide_CustomerInAuckland_SurveyAtTenAucklandAndTextsInAucklandDaytime()
    {
        var nzdt = TimeSpan.FromHours(13);
        var kiwi = Some.Customer("en", "Pacific/Auckland");
        var timeline = Shipped(new DateTimeOffset(2026, 3, 2, 12, 0, 0, nzdt), kiwi, "NZ");

        var lateEvening = new DateTimeOffset(2026, 3, 4, 23, 0, 0, nzdt);
        timeline.Scan(lateEvening, TrackingStatus.OutForDelivery);
        timeline.Scan(new DateTimeOffset(2026, 3, 5, 13, 0, 0, nzdt), TrackingStatus.Delivered);
        timeline.RunToEnd();

        Assert.Equal(new DateTimeOffset(2026, 3, 5, 8, 0, 0, nzdt), timeline.SentAt[timeline.Single(Intent.OutForDelivery, Channel.Sms).Key]);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 10, 0, 0, nzdt), timeline.SentAt[timeline.Single(Intent.CsatSurvey).Key]);
        Assert.Equal(new DateTimeOffset(2026, 3, 12, 10, 0, 0, nzdt), timeline.SentAt[timeline.Single(Intent.ReviewRequest).Key]);
    }

    [Fact]
    public void Decide_MerchantOverridesQuietHours_UsesTheOverride()
    {
        var quiet = new QuietHoursPolicy { Countries = new(StringComparer.OrdinalIgnoreCase) { ["NL"] = new QuietHoursRule { EarliestHour = 10, LatestHour = 18 } } };
        var timeline = Shipped(new DateTimeOffset(2026, 3, 2, 12, 0, 0, Cet), policy: TimelinePolicy.Default with { QuietHours = quiet });

        timeline.Scan(new DateTimeOffset(2026, 3, 3, 9, 0, 0, Cet), TrackingStatus.OutForDelivery);
        timeline.RunUntil(new DateTimeOffset(2026, 3, 3, 12, 0, 0, Cet));

        Assert.Equal(new DateTimeOffset(2026, 3, 3, 10, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.OutForDelivery, Channel.Sms).Key]);
    }

    [Fact]
    public void Decide_DailyCapReached_OutForDeliveryDroppedAsCappedAndDeliveredMovesToNextDay()
    {
        var policy = TimelinePolicy.Default with { FatigueCapPerDay = 1 };
        var timeline = Shipped(new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cet), policy: policy);

        var ofd = timeline.Scan(new DateTimeOffset(2026, 3, 2, 11, 0, 0, Cet), TrackingStatus.OutForDelivery);
        var delivered = timeline.Scan(new DateTimeOffset(2026, 3, 2, 15, 0, 0, Cet), TrackingStatus.Delivered);
        timeline.RunUntil(new DateTimeOffset(2026, 3, 3, 12, 0, 0, Cet));

        Assert.Contains(ofd.Messages, m => m.Channel == Channel.Email && m.Reason == SuppressionReason.FatigueCap);
        Assert.DoesNotContain(delivered.Messages, m => m.Intent == Intent.Delivered && m.Status == MessageStatus.Pending);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 8, 0, 0, Cet), timeline.SentAt[timeline.Single(Intent.Delivered).Key]);
    }

    [Fact]
    public void Decide_DailyCapReached_EssentialMessagesStillGo()
    {
        var policy = TimelinePolicy.Default with { FatigueCapPerDay = 1 };
        var timeline = Shipped(new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cet), policy: policy);

        var failed = timeline.Scan(new DateTimeOffset(2026, 3, 2, 11, 0, 0, Cet), TrackingStatus.FailedAttempt);

        Assert.Contains(failed.Messages, m => m.Intent == Intent.DeliveryFailedAttempt && m.Channel == Channel.Email && m.Status == MessageStatus.Pending);
    }

    [Fact]
    public void Decide_DailyCap_CountsAnUpdateOnceAcrossChannels()
    {
        var policy = TimelinePolicy.Default with { FatigueCapPerDay = 2 };
        var timeline = Shipped(new DateTimeOffset(2026, 3, 2, 9, 0, 0, Cet), policy: policy);

        var ofd = timeline.Scan(new DateTimeOffset(2026, 3, 2, 11, 0, 0, Cet), TrackingStatus.OutForDelivery);
        var delivered = timeline.Scan(new DateTimeOffset(2026, 3, 2, 15, 0, 0, Cet), TrackingStatus.Delivered);

        Assert.Equal([Channel.Email, Channel.Sms], ofd.Messages.Where(m => m.Status == MessageStatus.Pending).Select(m => m.Channel));
        Assert.DoesNotContain(delivered.Messages, m => m.Status == MessageStatus.Pending);
    }
}
