using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Tests.Timeline;

public sealed class SendOutcomesTests
{
    private static readonly TimelineMessage Sms = new(
        "PP-1:shipped:sms", Intent.Shipped, Channel.Sms, "+31612345678", "nl", MessagePurpose.Transactional, false,
        MessageStatus.Pending, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void ToInputs_Sent_RecordsSentWithTheProviderId()
    {
        var input = Assert.IsType<MessageStatusChanged>(Assert.Single(SendOutcomes.ToInputs(Sms, SendResult.Sent("SM9"))));

        Assert.Equal((Sms.Key, MessageStatus.Sent, "SM9"), (input.MessageKey, input.Status, input.ProviderMessageId));
    }

    [Fact]
    public void ToInputs_OptedOutAtTheProvider_RevokesTheChannelConsentAndSuppressesTheMessage()
    {
        var inputs = SendOutcomes.ToInputs(Sms, new SendResult(SendOutcome.OptedOut, Error: "21610"));

        var consent = Assert.IsType<ConsentChanged>(inputs[0]);
        Assert.Equal((ConsentSubjects.Sms, false, "provider"), (consent.Subject, consent.Granted, consent.Source));
        Assert.Equal(MessageStatus.Suppressed, Assert.IsType<MessageStatusChanged>(inputs[1]).Status);
    }

    [Fact]
    public void ToInputs_Unknown_RecordsSentSoItIsNeverRepeated()
    {
        var input = Assert.IsType<MessageStatusChanged>(Assert.Single(SendOutcomes.ToInputs(Sms, new SendResult(SendOutcome.Unknown, Error: "timeout"))));

        Assert.Equal(MessageStatus.Sent, input.Status);
        Assert.Contains("timeout", input.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ToInputs_Failed_RecordsFailedWithTheError()
    {
        var input = Assert.IsType<MessageStatusChanged>(Assert.Single(SendOutcomes.ToInputs(Sms, new SendResult(SendOutcome.Failed, Error: "landline"))));

        Assert.Equal((MessageStatus.Failed, "landline"), (input.Status, input.Error));
    }
}
