using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using static PostPurchase.Core.Tests.Growth.GrowthSetup;

namespace PostPurchase.Core.Tests.Growth;

public class WeeklyCapTests
{
    private static readonly DateTimeOffset DaySixty = new(2026, 5, 3, 10, 0, 0, TimeSpan.FromHours(2));

    private static BuyerActivity Sent(params int[] daysBefore) => new()
    {
        RecentMarketing = [.. daysBefore.Select(d => new MarketingSend($"PP-OTHER-{d}:review-request", Intent.ReviewRequest, DaySixty.AddDays(-d)))],
    };

    [Fact]
    public void Decide_CapReachedByOtherOrders_DefersTheReminderUntilASlotFrees()
    {
        var timeline = Delivered(Policy(g => g with { WeeklyMarketingCap = 2 }));

        timeline.RunUntil(DaySixty.AddHours(-1)).Refresh(Sent(5, 2));
        timeline.RunUntil(DaySixty.AddDays(7));

        // The send of 5 days before leaves the window two days later, at 10:00: the reminder goes then.
        var reminder = timeline.Single(Intent.ReplenishmentReminder);
        Assert.Equal(DaySixty.AddDays(2), timeline.SentAt[reminder.Key]);
        Assert.Equal("2026-05-03T08:00:00.0000000+00:00", reminder.Facts![WeeklyCap.HeldSinceFact]); // 10:00 in Amsterdam
    }

    [Fact]
    public void Decide_CapStillFullAfterTheWait_RecordsWeeklyCap()
    {
        var timeline = Delivered(Policy(g => g with { WeeklyMarketingCap = 1, CapWaitDays = 2 }));

        timeline.RunUntil(DaySixty.AddHours(-1)).Refresh(Sent(1));
        timeline.RunToEnd();

        Assert.Empty(timeline.SentOf(Intent.ReplenishmentReminder));
        Assert.Equal(SuppressionReason.WeeklyCap, Assert.Single(timeline.Suppressed, m => m.Intent == Intent.ReplenishmentReminder).Reason);
    }

    [Fact]
    public void Decide_CapFull_TransactionalNewsStillGoesAtOnce()
    {
        var full = new BuyerActivity
        {
            RecentMarketing = [new MarketingSend("PP-OTHER:win-back", Intent.WinBack, Monday.AddHours(-2))],
        };
        var timeline = Placed(Policy(g => g with { WeeklyMarketingCap = 1 }), full);

        var shipped = timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);

        Assert.Contains(shipped.Messages, m => m.Intent == Intent.Shipped && m.Status == MessageStatus.Pending);
    }

    [Fact]
    public void Decide_OwnRetriedReservation_DoesNotCountAgainstItself()
    {
        var timeline = Delivered(Policy(g => g with { WeeklyMarketingCap = 1 }));
        var own = $"{timeline.State.Order.OrderId}:replenishment-reminder:SERUM-30";

        timeline.RunUntil(DaySixty.AddHours(-1)).Refresh(new BuyerActivity { RecentMarketing = [new MarketingSend(own, Intent.ReplenishmentReminder, DaySixty)] });
        timeline.RunUntil(DaySixty);

        Assert.Equal(DaySixty, timeline.SentAt[timeline.Single(Intent.ReplenishmentReminder).Key]);
    }

    [Fact]
    public void Others_SendsOnTheWindowEdge_CountOnlyInside()
    {
        var now = DaySixty;
        MarketingSend[] sends =
        [
            new("a:win-back", Intent.WinBack, now.AddDays(-7)),
            new("b:review-request", Intent.ReviewRequest, now.AddDays(-7).AddTicks(1)),
            new("c:review-request", Intent.ReviewRequest, now),
            new("c:review-request", Intent.ReviewRequest, now.AddDays(-1)),
        ];

        var others = CapWindow.Others(sends, "d:win-back", now);

        Assert.Equal([now.AddDays(-7).AddTicks(1), now.AddDays(-1)], others);
        Assert.Equal(now.AddTicks(1), CapWindow.FreesAt(others, 2, now));
        Assert.Equal(now, CapWindow.FreesAt(others, 3, now));
    }

    [Fact]
    public void Reserve_AnotherOrderReservedOnALaterClock_StillFillsTheCap()
    {
        // Two orders of one buyer decide on their own clocks: the one that reserved first may be a second ahead of the other.
        var activity = new BuyerActivity { RecentMarketing = [new MarketingSend("PP-A:review-request", Intent.ReviewRequest, DaySixty.AddSeconds(1))] };
        var policy = Policy(g => g with { WeeklyMarketingCap = 1 }).Growth;

        var after = MarketingLedger.Reserve(activity, [new MarketingSend("PP-B:review-request", Intent.ReviewRequest, DaySixty)], DaySixty, policy);

        Assert.Equal(["PP-A:review-request"], after.RecentMarketing.Select(s => s.Update));
    }

    private static Testing.TimelineDriver Placed(Core.Policies.TimelinePolicy policy, BuyerActivity activity) =>
        Testing.TimelineDriver.Place(Serum().Build(), policy, Buyer(activity: activity));
}
