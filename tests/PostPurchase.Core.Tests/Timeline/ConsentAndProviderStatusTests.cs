using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class ConsentAndProviderStatusTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);
    private static readonly DateTimeOffset Wednesday = new(2026, 3, 4, 14, 0, 0, Cet);

    private static TimelineDriver Placed(ConsentGrant? consent = null, TimelinePolicy? policy = null)
    {
        var builder = OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE");
        if (consent is not null)
        {
            builder = builder.WithConsent(consent);
        }
        return TimelineDriver.Place(builder.Build(), policy);
    }

    [Fact]
    public void Decide_StopThenStart_TextsSuppressedAsOptedOutThenSentAgainWithProofKept()
    {
        var timeline = Placed();
        timeline.Scan(Monday.AddHours(10), TrackingStatus.InTransit);

        timeline.At(Monday.AddHours(11), new ConsentChanged("sms", false, "sms-keyword"));
        var whileStopped = timeline.Scan(Monday.AddHours(24), TrackingStatus.OutForDelivery);
        timeline.At(Monday.AddHours(25), new ConsentChanged("sms", true, "tracking-page", "consent-v2"));
        var afterStart = timeline.Scan(Monday.AddHours(26), TrackingStatus.FailedAttempt);

        Assert.Contains(whileStopped.Messages, m => m.Channel == Channel.Sms && m.Reason == SuppressionReason.OptedOut);
        Assert.Contains(afterStart.Messages, m => m.Channel == Channel.Sms && m.Status == MessageStatus.Pending);
        Assert.Equal(
            [("sms", true, "checkout"), ("sms", false, "sms-keyword"), ("sms", true, "tracking-page")],
            timeline.State.Consent.History.Select(r => (r.Subject, r.Granted, r.Source)));
        Assert.Equal("consent-v2", timeline.State.Consent.History[^1].WordingVersion);
    }

    [Fact]
    public void Decide_UnknownConsentSubject_Throws()
    {
        var timeline = Placed();
        Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(timeline.State, new ConsentChanged("fax", true, "merchant"), Monday, timeline.Policy));
    }

    [Fact]
    public void Decide_ReviewByTextWithoutMarketingConsent_SuppressedNoConsent()
    {
        var policy = TimelinePolicy.Default with { TextIntents = [Intent.ReviewRequest] };
        var withMarketing = Placed(new ConsentGrant(Sms: true, WhatsApp: false, Marketing: true), policy);
        var withoutMarketing = Placed(new ConsentGrant(Sms: true, WhatsApp: false), policy);

        foreach (var t in new[] { withMarketing, withoutMarketing })
        {
            t.Scan(Monday.AddHours(20), TrackingStatus.InTransit);
            t.Scan(Wednesday, TrackingStatus.Delivered);
            t.RunToEnd();
        }

        Assert.Single(withMarketing.SentOf(Intent.ReviewRequest), m => m.Channel == Channel.Sms);
        Assert.DoesNotContain(withoutMarketing.SentOf(Intent.ReviewRequest), m => m.Channel == Channel.Sms);
        Assert.Contains(withoutMarketing.Suppressed, m => m.Intent == Intent.ReviewRequest && m.Channel == Channel.Sms && m.Reason == SuppressionReason.NoConsent);
    }

    [Fact]
    public void Decide_NoPhone_TextsSuppressedNoAddress()
    {
        var order = OrderBuilder.Apparel().PlacedAt(Monday).For(Some.Customer() with { Phone = null }).WithShipment("postnl", "3SONE").Build();
        var timeline = TimelineDriver.Place(order);

        var decision = timeline.Scan(Monday.AddHours(20), TrackingStatus.InTransit);

        Assert.Contains(decision.Messages, m => m.Channel == Channel.Sms && m.Reason == SuppressionReason.NoAddress);
    }

    [Fact]
    public void Decide_ProviderStatuses_MoveForwardOnlyAndFailureSignalsMerchant()
    {
        var timeline = Placed();
        var key = timeline.Single(Intent.OrderConfirmation).Key;

        timeline.At(Monday.AddMinutes(1), new MessageStatusChanged(key, MessageStatus.Sent, "SM1"));
        timeline.At(Monday.AddMinutes(2), new MessageStatusChanged(key, MessageStatus.Delivered));
        var late = timeline.At(Monday.AddMinutes(3), new MessageStatusChanged(key, MessageStatus.Sent));

        var message = timeline.State.Messages.Single(m => m.Key == key);
        Assert.Equal((MessageStatus.Delivered, "SM1", Monday.AddMinutes(1)), (message.Status, message.ProviderMessageId, message.SentAt));
        Assert.Empty(late.Messages);
        var failed = Placed();
        var failure = failed.At(Monday.AddMinutes(1), new MessageStatusChanged(failed.Single(Intent.OrderConfirmation).Key, MessageStatus.Failed, Error: "mailbox full"));
        var signal = Assert.Single(failure.Signals);
        Assert.Equal((SignalKind.MessageFailed, "mailbox full", "order-confirmation"), (signal.Kind, signal.Data["error"], signal.Data["intent"]));
    }

    [Fact]
    public void Decide_StatusForUnknownMessage_Throws()
    {
        var timeline = Placed();
        Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(timeline.State, new MessageStatusChanged("nope", MessageStatus.Sent), Monday, timeline.Policy));
    }

    [Fact]
    public void Decide_ProviderRefusesOptedOutRecipient_RecordedAsOptedOutAndNotHandedOutAgain()
    {
        var timeline = Placed();
        var sms = timeline.Scan(Monday.AddHours(10), TrackingStatus.InTransit).Messages.Single(m => m.Channel == Channel.Sms);

        timeline.At(Monday.AddHours(10), new ConsentChanged("sms", false, "provider"));
        var refused = timeline.At(Monday.AddHours(10), new MessageStatusChanged(sms.Key, MessageStatus.Suppressed, "SM9", "21610"));

        var recorded = timeline.State.Messages.Single(m => m.Key == sms.Key);
        Assert.Equal((MessageStatus.Suppressed, SuppressionReason.OptedOut, "21610"), (recorded.Status, recorded.Reason, recorded.Error));
        Assert.Empty(refused.Messages);
        Assert.Empty(refused.Signals);
        Assert.True(timeline.State.Consent.SmsOptedOut);
    }

    [Fact]
    public void Decide_ProviderReportsPending_Throws()
    {
        var timeline = Placed();
        var key = timeline.Single(Intent.OrderConfirmation).Key;
        Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(timeline.State, new MessageStatusChanged(key, MessageStatus.Pending), Monday, timeline.Policy));
    }

    [Fact]
    public void Decide_WhatsAppConsent_SendsToThePlainE164Number()
    {
        var timeline = Placed(new ConsentGrant(Sms: false, WhatsApp: true));

        var decision = timeline.Scan(Monday.AddHours(10), TrackingStatus.InTransit);

        var whatsApp = Assert.Single(decision.Messages, m => m.Channel == Channel.WhatsApp);
        Assert.Equal((MessageStatus.Pending, "+31612345678"), (whatsApp.Status, whatsApp.To));
        Assert.Equal(SuppressionReason.NoConsent, Assert.Single(decision.Messages, m => m.Channel == Channel.Sms).Reason);
    }
}
