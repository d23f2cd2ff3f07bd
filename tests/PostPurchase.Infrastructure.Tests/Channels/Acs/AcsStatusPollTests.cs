using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Channels.Acs;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Channels.Acs;

/// <summary>The status read apart from sending: what ACS fails after accepting reaches the timeline without holding up any send.</summary>
public sealed class AcsStatusPollTests : IDisposable
{
    private readonly AcsStub _acs = new();

    [Fact]
    public async Task ExecuteAsync_AcceptedOperationFailsLater_MessageReportedFailedWithTheServiceReason()
    {
        _acs.StatusAfterSend[0] = """{"status":"Running"}""";
        _acs.StatusAfterSend.Add(Fixture.Json("acs-email-operation-failed.example.json").GetProperty("responses").GetProperty("200").GetProperty("body").GetRawText());
        var message = Messages.Email() with { MayHaveBeenSent = false };
        var workflows = new RecordingWorkflows(message.OrderId);
        using var host = ChannelTestHost.Create(_acs.Settings(), more: s => s.AddSingleton<IOrderWorkflows>(workflows));
        var poll = host.Provider.GetRequiredService<AcsStatusPoll>();
        await poll.StartAsync(CancellationToken.None);
        try
        {
            var sent = await host.Sender(Channel.Email).SendAsync(message, CancellationToken.None);

            Assert.Equal(SendOutcome.Sent, sent.Outcome);
            await Eventually.TrueAsync(() => workflows.Raised.Count > 0, "the failed status", seconds: 30);
        }
        finally
        {
            await poll.StopAsync(CancellationToken.None);
        }

        var (orderId, input) = Assert.Single(workflows.Raised);
        Assert.Equal(message.OrderId, orderId);
        var failed = Assert.IsType<MessageStatusChanged>(input);
        Assert.Equal(message.Key, failed.MessageKey);
        Assert.Equal(MessageStatus.Failed, failed.Status);
        Assert.Contains("EmailDropped", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, _acs.Posts);
    }

    public void Dispose() => _acs.Dispose();
}
