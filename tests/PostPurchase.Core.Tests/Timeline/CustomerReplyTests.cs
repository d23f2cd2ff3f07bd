using System.Text.Json;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline;

public class CustomerReplyTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, Cet);

    private static TimelineDriver Placed() =>
        TimelineDriver.Place(OrderBuilder.Apparel().PlacedAt(Monday).WithShipment("postnl", "3SONE").Build());

    [Fact]
    public void Decide_SmsReply_KeptOnTheOrderSendsNothingAndOpensNoWhatsAppWindow()
    {
        var timeline = Placed();

        var decision = timeline.At(Monday.AddHours(3), new CustomerReplied("sms", "Can you leave it with the neighbours?", "SM100"));

        Assert.Equal(new CustomerReply(Channel.Sms, "Can you leave it with the neighbours?", Monday.AddHours(3), "SM100"), Assert.Single(decision.State.Replies));
        Assert.Empty(decision.Messages);
        Assert.Empty(decision.Signals);
        Assert.Null(decision.State.WhatsAppWindowOpenedAt);
        Assert.False(WhatsAppWindow.IsOpen(decision.State, Monday.AddHours(3)));
    }

    [Fact]
    public void Decide_WhatsAppReply_OpensTheWindowForTwentyFourHours()
    {
        var timeline = Placed();
        var at = Monday.AddHours(5);

        var state = timeline.At(at, new CustomerReplied("whatsapp", "Thanks!", "SM200")).State;

        Assert.Equal(at, state.WhatsAppWindowOpenedAt);
        Assert.False(WhatsAppWindow.IsOpen(state, at.AddSeconds(-1)));
        Assert.True(WhatsAppWindow.IsOpen(state, at));
        Assert.True(WhatsAppWindow.IsOpen(state, at.AddHours(24).AddTicks(-1)));
        Assert.False(WhatsAppWindow.IsOpen(state, at.AddHours(24)));
    }

    [Fact]
    public void Decide_LaterReplies_OnlyAWhatsAppOneMovesTheWindow()
    {
        var timeline = Placed();
        timeline.At(Monday.AddHours(1), new CustomerReplied("whatsapp", "Hi", "SM1"));

        timeline.At(Monday.AddHours(2), new CustomerReplied("sms", "Hello again", "SM2"));
        Assert.Equal(Monday.AddHours(1), timeline.State.WhatsAppWindowOpenedAt);
        timeline.At(Monday.AddHours(20), new CustomerReplied("WhatsApp", "Still there?", "SM3"));

        Assert.Equal(Monday.AddHours(20), timeline.State.WhatsAppWindowOpenedAt);
        Assert.True(WhatsAppWindow.IsOpen(timeline.State, Monday.AddHours(40)));
        Assert.Equal(["SM1", "SM2", "SM3"], timeline.State.Replies.Select(r => r.ProviderMessageId));
    }

    [Fact]
    public void Decide_SameProviderIdAgain_KeptOnceAndStateUnchanged()
    {
        var timeline = Placed();
        var first = timeline.At(Monday.AddHours(1), new CustomerReplied("whatsapp", "Where is my parcel?", "SM300"));

        var again = timeline.At(Monday.AddHours(2), new CustomerReplied("whatsapp", "Where is my parcel?", "SM300"));

        Assert.Single(again.State.Replies);
        Assert.Equal(first.State.Version, again.State.Version);
        Assert.Equal(Monday.AddHours(1), again.State.WhatsAppWindowOpenedAt);
        Assert.Empty(again.Messages);
    }

    [Fact]
    public void Decide_SameTextWithoutProviderIdLater_KeptAsASecondReply()
    {
        var timeline = Placed();
        timeline.At(Monday.AddHours(1), new CustomerReplied("sms", "Ok"));
        var repeat = timeline.Apply(new CustomerReplied("sms", "Ok"), Monday.AddHours(1));

        timeline.At(Monday.AddHours(4), new CustomerReplied("sms", "Ok"));

        Assert.Single(repeat.State.Replies);
        Assert.Equal([Monday.AddHours(1), Monday.AddHours(4)], timeline.State.Replies.Select(r => r.At));
        Assert.All(timeline.State.Replies, r => Assert.Null(r.ProviderMessageId));
    }

    [Fact]
    public void Decide_ReplyAfterTheTimelineCompleted_StillKeptButNothingSent()
    {
        var timeline = Placed();
        timeline.At(Monday.AddHours(1), new OrderCancelled("merchant"));
        Assert.True(timeline.State.Completed);

        var decision = timeline.At(Monday.AddDays(2), new CustomerReplied("whatsapp", "Why was it cancelled?", "SM400"));

        Assert.Equal("Why was it cancelled?", Assert.Single(decision.State.Replies).Text);
        Assert.Equal(Monday.AddDays(2), decision.State.WhatsAppWindowOpenedAt);
        Assert.Empty(decision.Messages);
        Assert.Null(decision.WakeAt);
    }

    [Fact]
    public void Decide_ReplyWhileParcelMoves_ChangesNoMessageOrWakeUp()
    {
        var withReply = Placed();
        var without = Placed();
        foreach (var t in new[] { withReply, without })
        {
            t.Scan(Monday.AddHours(10), TrackingStatus.InTransit);
        }

        withReply.At(Monday.AddHours(11), new CustomerReplied("sms", "Great", "SM500"));
        withReply.Scan(Monday.AddHours(30), TrackingStatus.Delivered);
        without.Scan(Monday.AddHours(30), TrackingStatus.Delivered);

        Assert.Equal(without.Sent.Select(m => (m.Intent, m.Channel)), withReply.Sent.Select(m => (m.Intent, m.Channel)));
        Assert.Equal(without.State.NextWakeAt, withReply.State.NextWakeAt);
    }

    [Theory]
    [InlineData("email")]
    [InlineData("fax")]
    [InlineData("")]
    public void Decide_ReplyOnAnUnknownChannel_ThrowsNamingIt(string channel)
    {
        var timeline = Placed();

        var error = Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(timeline.State, new CustomerReplied(channel, "hi"), Monday, timeline.Policy));

        Assert.Contains($"'{channel}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ReplyTooLongOrWithoutText_Throws()
    {
        var timeline = Placed();
        var longest = new string('a', CustomerReplied.MaxTextLength);

        Assert.Throws<ArgumentException>(() => OrderTimeline.Decide(timeline.State, new CustomerReplied("sms", longest + "a"), Monday, timeline.Policy));
        Assert.Throws<ArgumentNullException>(() => OrderTimeline.Decide(timeline.State, new CustomerReplied("sms", null!), Monday, timeline.Policy));
        Assert.Single(OrderTimeline.Decide(timeline.State, new CustomerReplied("sms", longest), Monday, timeline.Policy).State.Replies);
    }

    [Fact]
    public void Serialize_ReplyInputAndState_UseTheCustomerRepliedDiscriminatorAndRoundTrip()
    {
        var timeline = Placed();
        TimelineInput input = new CustomerReplied("whatsapp", "Hoi", "SM600");
        var state = timeline.At(Monday.AddHours(1), input).State;

        var json = JsonSerializer.Serialize(input, CoreJson.Options);
        var stateJson = JsonSerializer.Serialize(state, CoreJson.Options);
        var back = JsonSerializer.Deserialize<TimelineState>(stateJson, CoreJson.Options)!;

        Assert.Equal("""{"type":"customer-replied","channel":"whatsapp","text":"Hoi","providerMessageId":"SM600"}""", json);
        Assert.Equal(input, JsonSerializer.Deserialize<TimelineInput>(json, CoreJson.Options));
        Assert.Contains("\"replies\":[{\"channel\":\"whatsapp\",\"text\":\"Hoi\"", stateJson, StringComparison.Ordinal);
        Assert.Equal(state.Replies, back.Replies);
        Assert.Equal(state.WhatsAppWindowOpenedAt, back.WhatsAppWindowOpenedAt);
    }
}
