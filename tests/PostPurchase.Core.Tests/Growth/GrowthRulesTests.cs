using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using static PostPurchase.Core.Tests.Growth.GrowthSetup;

namespace PostPurchase.Core.Tests.Growth;

public class GrowthRulesTests
{
    [Fact]
    public void Decide_LinkClicked_RecordsTheClickAtItsTime()
    {
        var timeline = Delivered(Policy());
        var delivered = timeline.Single(Intent.Delivered).Key;

        timeline.At(DeliveredAt.AddHours(1), new LinkClicked(delivered, "rec:MASK-50"));
        timeline.At(DeliveredAt.AddHours(2), new LinkClicked(null, "rec:MASK-50"));

        Assert.Equal(
            [new LinkClick(delivered, "rec:MASK-50", DeliveredAt.AddHours(1)), new LinkClick(null, "rec:MASK-50", DeliveredAt.AddHours(2))],
            timeline.State.Clicks);
    }

    [Fact]
    public void Decide_ClickOnUnknownMessage_IsRefusedAndChangesNothing()
    {
        var timeline = Delivered(Policy());

        var error = Assert.Throws<ArgumentException>(() => timeline.At(DeliveredAt.AddHours(1), new LinkClicked("NOPE:win-back:email", "cta")));

        Assert.Contains("NOPE:win-back:email", error.Message, StringComparison.Ordinal);
        Assert.Empty(timeline.State.Clicks);
    }

    [Fact]
    public void Decide_BuyerOrderedAttributedHere_RecordsAnAttributedReorderOnce()
    {
        var timeline = Delivered(Policy());
        var orderId = timeline.State.Order.OrderId;
        var attribution = new Attribution(orderId, null, "rec:MASK-50", DeliveredAt.AddHours(1));
        var input = new BuyerOrdered("PP-NEXT", DeliveredAt.AddDays(3), ["MASK-50"], 24.95m, "EUR", attribution);

        timeline.At(DeliveredAt.AddDays(3), input);
        var again = timeline.At(DeliveredAt.AddDays(3).AddMinutes(1), input);

        var reorder = Assert.Single(timeline.State.Reorders);
        Assert.Equal(("PP-NEXT", 24.95m, true), (reorder.OrderId, reorder.Total, reorder.Attributed));
        Assert.Empty(again.Messages);
    }

    [Fact]
    public void Decide_BuyerOrderedEarlierThanThisOrder_IsNoReorder()
    {
        var timeline = Delivered(Policy());

        timeline.At(DeliveredAt.AddDays(1), new BuyerOrdered("PP-OLDER", Monday.AddDays(-3), ["SERUM-30"], 34.95m, "EUR"));

        Assert.Empty(timeline.State.Reorders);
    }

    [Fact]
    public void Decide_CompletedTimeline_StillRecordsClicksAndReorders()
    {
        var timeline = Delivered(Policy(g => g with { Replenishment = new ReplenishmentPolicy() })).RunToEnd();
        Assert.True(timeline.State.Completed);

        timeline.Apply(new LinkClicked(null, "rec:MASK-50"), timeline.Now.AddDays(1));
        timeline.Apply(new BuyerOrdered("PP-NEXT", timeline.Now.AddDays(2), ["MASK-50"], 24.95m, "EUR"), timeline.Now.AddDays(2));

        Assert.Single(timeline.State.Clicks);
        Assert.Single(timeline.State.Reorders);
        Assert.True(timeline.State.Completed);
    }

    [Fact]
    public void MarketingConsent_RevokedLaterOnAnotherOrder_WinsOverTheCheckoutGrant()
    {
        var timeline = Delivered(Policy());
        var revoked = new ConsentRecord("marketing", false, "unsubscribe-link", DeliveredAt.AddDays(10), null);
        var regranted = revoked with { Granted = true, Source = "checkout", At = DeliveredAt.AddDays(20) };

        timeline.Refresh(new BuyerActivity { MarketingConsent = revoked });
        var afterRevoke = MarketingConsent.Of(timeline.State);
        timeline.Refresh(new BuyerActivity { MarketingConsent = regranted });

        Assert.Equal(new MarketingConsent(false, true), afterRevoke);
        Assert.Equal(new MarketingConsent(true, false), MarketingConsent.Of(timeline.State));
    }

    [Fact]
    public void Decide_ReadReceiptAfterDelivery_RecordsTheOpeningOnce()
    {
        var timeline = Delivered(Policy());
        var delivered = timeline.Single(Intent.Delivered).Key;
        timeline.At(DeliveredAt.AddMinutes(5), new MessageStatusChanged(delivered, MessageStatus.Delivered, "SM1"));

        var read = timeline.At(DeliveredAt.AddHours(1), new MessageStatusChanged(delivered, MessageStatus.Delivered, "SM1", Opened: true));
        timeline.At(DeliveredAt.AddHours(2), new MessageStatusChanged(delivered, MessageStatus.Delivered, "SM1", Opened: true));

        var message = timeline.State.Messages.Single(m => m.Key == delivered);
        Assert.Equal((MessageStatus.Delivered, (DateTimeOffset?)DeliveredAt.AddHours(1)), (message.Status, message.OpenedAt));
        Assert.Empty(read.Messages);
    }
}
