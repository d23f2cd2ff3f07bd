using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

/// <summary>A pending text the runtime held back at send time because quiet hours began: scheduled again, let out in the morning.</summary>
public sealed class SendDeferralTests
{
    private static readonly DateTimeOffset Noon = new(2026, 3, 3, 11, 0, 0, TimeSpan.Zero); // 12:00 in Amsterdam
    private static readonly DateTimeOffset Late = new(2026, 3, 3, 20, 30, 0, TimeSpan.Zero); // 21:30 in Amsterdam
    private static readonly DateTimeOffset Morning = new(2026, 3, 4, 7, 0, 0, TimeSpan.Zero); // 8:00 in Amsterdam

    [Fact]
    public void Decide_PendingTextDeferredAtNight_ScheduledForTheMorningAndReleasedThen()
    {
        var driver = Shipped("3SDEF1");
        var text = driver.Single(Intent.OutForDelivery, Channel.Sms);

        driver.Apply(new MessageSendDeferred(text.Key, Morning), Late);

        var scheduled = driver.State.Messages.Single(m => m.Key == text.Key);
        Assert.Equal(MessageStatus.Scheduled, scheduled.Status);
        Assert.Equal(Morning, scheduled.ScheduledFor);
        Assert.Equal(Morning, driver.State.NextWakeAt);
        driver.RunUntil(Morning);
        Assert.Equal(Morning, driver.SentAt[text.Key]);
        Assert.Equal(MessageStatus.Pending, driver.State.Messages.Single(m => m.Key == text.Key).Status);
    }

    [Fact]
    public void Decide_DeferredTextAndStopOvernight_SuppressedInTheMorningInsteadOfSent()
    {
        var driver = Shipped("3SDEF2");
        var text = driver.Single(Intent.OutForDelivery, Channel.Sms);
        driver.Apply(new MessageSendDeferred(text.Key, Morning), Late);

        driver.Apply(new ConsentChanged(ConsentSubjects.Sms, false, "sms-keyword"), Late.AddMinutes(5));
        driver.RunUntil(Morning);

        Assert.Equal(Noon, driver.SentAt[text.Key]); // only the attempt of the day
        Assert.Equal(MessageStatus.Suppressed, driver.State.Messages.Single(m => m.Key == text.Key).Status);
    }

    [Fact]
    public void Decide_DeferralOfAMessageAlreadySent_ChangesNothing()
    {
        var driver = Shipped("3SDEF3");
        var text = driver.Single(Intent.OutForDelivery, Channel.Sms);
        driver.Apply(new MessageStatusChanged(text.Key, MessageStatus.Sent, "SM1"), Noon.AddSeconds(1));
        var version = driver.State.Version;

        driver.Apply(new MessageSendDeferred(text.Key, Morning), Late);

        Assert.Equal(MessageStatus.Sent, driver.State.Messages.Single(m => m.Key == text.Key).Status);
        Assert.Equal(version, driver.State.Version);
    }

    [Fact]
    public void Decide_DeferralOfAnUnknownMessage_Refused()
    {
        var driver = Shipped("3SDEF4");

        Assert.Throws<ArgumentException>(() => driver.Apply(new MessageSendDeferred("no-such-message", Morning), Late));
    }

    private static TimelineDriver Shipped(string tracking)
    {
        var driver = TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Noon.AddDays(-1)).WithShipment("postnl", tracking).Build());
        driver.Scan(Noon, TrackingStatus.OutForDelivery, tracking);
        return driver;
    }
}
