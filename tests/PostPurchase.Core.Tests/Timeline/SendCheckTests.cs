using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public sealed class SendCheckTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 3, 11, 0, 0, TimeSpan.Zero); // 12:00 in Amsterdam

    [Fact]
    public void Judge_TextDecidedThenBuyerRepliedStop_SuppressedAsOptedOut()
    {
        var driver = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Noon.AddDays(-1)).WithShipment("postnl", "3SABC1").Build());
        driver.Scan(Noon, TrackingStatus.OutForDelivery, "3SABC1");
        var text = driver.Single(Intent.OutForDelivery, Channel.Sms);
        driver.Apply(new ConsentChanged(ConsentSubjects.Sms, false, "sms-keyword"), Noon.AddSeconds(1));

        var verdict = SendCheck.Judge(driver.State, text, Noon.AddSeconds(2), driver.Policy);

        Assert.Equal(SuppressionReason.OptedOut, verdict.SuppressedBecause);
        Assert.False(verdict.MayGo);
    }

    [Fact]
    public void Judge_TextWithConsentInTheDay_MayGo()
    {
        var driver = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Noon.AddDays(-1)).WithShipment("postnl", "3SABC2").Build());
        driver.Scan(Noon, TrackingStatus.OutForDelivery, "3SABC2");

        var verdict = SendCheck.Judge(driver.State, driver.Single(Intent.OutForDelivery, Channel.Sms), Noon.AddMinutes(5), driver.Policy);

        Assert.True(verdict.MayGo);
    }

    [Fact]
    public void Judge_TextRetriedAfterNine_DeferredToEightTheNextMorning()
    {
        var driver = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Noon.AddDays(-1)).WithShipment("postnl", "3SABC3").Build());
        driver.Scan(Noon, TrackingStatus.OutForDelivery, "3SABC3");
        var late = new DateTimeOffset(2026, 3, 3, 20, 30, 0, TimeSpan.Zero); // 21:30 in Amsterdam

        var verdict = SendCheck.Judge(driver.State, driver.Single(Intent.OutForDelivery, Channel.Sms), late, driver.Policy);

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 7, 0, 0, TimeSpan.Zero), verdict.DeferredUntil);
        Assert.Null(verdict.SuppressedBecause);
    }

    [Fact]
    public void Judge_TransactionalEmailAtNight_MayGo()
    {
        var driver = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Noon).Build());

        var verdict = SendCheck.Judge(driver.State, driver.Single(Intent.OrderConfirmation), Noon.AddHours(11), driver.Policy);

        Assert.True(verdict.MayGo);
    }

    [Fact]
    public void Judge_MarketingEmailAfterUnsubscribe_SuppressedAsOptedOut()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Noon).WithConsent(new ConsentGrant(Sms: false, WhatsApp: false, Marketing: true)).Build();
        var driver = TimelineDriver.Place(order);
        var review = driver.State.Messages[0] with { Key = $"{order.OrderId}:review-request:email", Intent = Intent.ReviewRequest, Purpose = MessagePurpose.Marketing };
        driver.Apply(new ConsentChanged(ConsentSubjects.Marketing, false, "tracking-page"), Noon.AddDays(8));

        var verdict = SendCheck.Judge(driver.State, review, Noon.AddDays(9), driver.Policy);

        Assert.Equal(SuppressionReason.OptedOut, verdict.SuppressedBecause);
    }

    [Fact]
    public void Decide_SuppressedAtSendTimeWithReason_RecordsThatReason()
    {
        var driver = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Noon.AddDays(-1)).WithShipment("postnl", "3SABC4").Build());
        driver.Scan(Noon, TrackingStatus.OutForDelivery, "3SABC4");
        var text = driver.Single(Intent.OutForDelivery, Channel.Sms);

        driver.Apply(new MessageStatusChanged(text.Key, MessageStatus.Suppressed, Error: "held back", Reason: SuppressionReason.NoConsent), Noon.AddSeconds(3));

        var recorded = driver.State.Messages.Single(m => m.Key == text.Key);
        Assert.Equal(MessageStatus.Suppressed, recorded.Status);
        Assert.Equal(SuppressionReason.NoConsent, recorded.Reason);
    }
}
