using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;
using static PostPurchase.Core.Tests.Growth.GrowthSetup;

namespace PostPurchase.Core.Tests.Growth;

public class ReplenishmentRulesTests
{
    private static readonly DateTimeOffset DaySixty = new(2026, 5, 3, 10, 0, 0, TimeSpan.FromHours(2)); // 60 local days after 4 March, 10:00 CEST

    [Fact]
    public void Decide_SerumLastingSixtyDays_RemindsOnDaySixtyAtTenLocalWithTheCartLink()
    {
        var timeline = Delivered(Policy());

        timeline.RunUntil(DaySixty.AddDays(1));

        var reminder = timeline.Single(Intent.ReplenishmentReminder);
        Assert.Equal(DaySixty, timeline.SentAt[reminder.Key]);
        Assert.Equal(MessagePurpose.Promotion, reminder.Purpose);
        Assert.Equal("SERUM-30", reminder.Facts!["skus"]);
        Assert.Equal("https://shop.example/cart/SERUM-30:1", reminder.Facts["reorderUrl"]);
        Assert.Equal($"{timeline.State.Order.OrderId}:replenishment-reminder:SERUM-30:email", reminder.Key);
    }

    [Fact]
    public void Decide_TwoUnits_RemindsWhenBothAreUsedUp()
    {
        var order = OrderBuilder.Skincare().WithItem("SERUM-30", "Hydrating serum 30 ml", "skincare", 1, 34.95m)
            .PlacedAt(Monday).WithShipment("postnl", "3SGROWTH1").WithConsent(Marketing);

        var timeline = Delivered(Policy(), order);
        timeline.RunUntil(DaySixty.AddDays(61));

        var reminder = timeline.Single(Intent.ReplenishmentReminder);
        Assert.Equal(DaySixty.AddDays(60), timeline.SentAt[reminder.Key]);
        Assert.Equal("2", reminder.Facts!["quantity"]);
        Assert.Equal("https://shop.example/cart/SERUM-30:2", reminder.Facts["reorderUrl"]);
    }

    [Fact]
    public void Decide_ReorderOfThatItem_CancelsTheReminder()
    {
        var timeline = Delivered(Policy());

        var reorder = timeline.At(DaySixty.AddDays(-10), new BuyerOrdered("PP-LATER", DaySixty.AddDays(-10), ["SERUM-30"], 39.90m, "EUR"));
        timeline.RunToEnd();

        Assert.Equal(SuppressionReason.Reordered, Only(reorder, Intent.ReplenishmentReminder).Reason);
        Assert.Empty(timeline.SentOf(Intent.ReplenishmentReminder));
        Assert.Equal("PP-LATER", Assert.Single(timeline.State.Reorders).OrderId);
    }

    [Fact]
    public void Decide_ReorderOfAnotherItem_KeepsTheReminder()
    {
        var timeline = Delivered(Policy());

        timeline.At(DaySixty.AddDays(-10), new BuyerOrdered("PP-LATER", DaySixty.AddDays(-10), ["TEE-M-BLK"], 19.50m, "EUR"));
        timeline.RunUntil(DaySixty);

        Assert.Single(timeline.SentOf(Intent.ReplenishmentReminder));
    }

    [Fact]
    public void Decide_ReturnOfThatItem_CancelsTheReminder()
    {
        var timeline = Delivered(Policy());

        var returned = timeline.At(DeliveredAt.AddDays(5), new ReturnRequested(["SERUM-30"], "irritates my skin", "refund"));
        timeline.RunToEnd();

        Assert.Equal(SuppressionReason.Returned, Only(returned, Intent.ReplenishmentReminder).Reason);
        Assert.Empty(timeline.SentOf(Intent.ReplenishmentReminder));
    }

    [Fact]
    public void Decide_LowCsat_CancelsTheReminder()
    {
        var timeline = Delivered(Policy(feedback: true));

        var answer = timeline.At(DeliveredAt.AddDays(3), new CsatAnswered(2, "Leaked in the box"));
        timeline.RunToEnd();

        Assert.Equal(SuppressionReason.LowCsat, Only(answer, Intent.ReplenishmentReminder).Reason);
        Assert.Empty(timeline.SentOf(Intent.ReplenishmentReminder));
    }

    [Fact]
    public void Decide_NoMarketingConsent_RecordsTheReminderAndSendsNothing()
    {
        var timeline = Delivered(Policy(), Serum(consent: Some.Customer().Consent));

        timeline.RunToEnd();

        var reminder = Assert.Single(timeline.Suppressed, m => m.Intent == Intent.ReplenishmentReminder);
        Assert.Equal(SuppressionReason.NoConsent, reminder.Reason);
        Assert.Empty(timeline.SentOf(Intent.ReplenishmentReminder));
    }

    [Fact]
    public void Decide_MarketingRevokedBeforeTheDay_SuppressesAsOptedOut()
    {
        var timeline = Delivered(Policy());

        timeline.At(DaySixty.AddDays(-1), new ConsentChanged("marketing", false, "unsubscribe-link"));
        timeline.RunToEnd();

        Assert.Equal(SuppressionReason.OptedOut, Assert.Single(timeline.Suppressed, m => m.Intent == Intent.ReplenishmentReminder).Reason);
    }

    [Fact]
    public void Decide_NoBuyerProfile_PlansNoReminder()
    {
        var timeline = TimelineDriver.Place(Serum().Build(), Policy());
        timeline.Scan(DeliveredAt, Tracking.TrackingStatus.Delivered);

        timeline.RunToEnd();

        Assert.DoesNotContain(timeline.State.Messages, m => m.Intent == Intent.ReplenishmentReminder);
    }

    [Fact]
    public void Decide_ReminderSent_StaysOpenForTheAttributionWindow()
    {
        var timeline = Delivered(Policy());

        timeline.RunUntil(DaySixty);

        Assert.False(timeline.State.Completed);
        Assert.Equal(DaySixty.AddDays(14), timeline.State.NextWakeAt);
        timeline.RunToEnd();
        Assert.True(timeline.State.Completed);
    }
}
