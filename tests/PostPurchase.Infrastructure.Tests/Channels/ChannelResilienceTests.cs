using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Tests.Channels.Acs;
using PostPurchase.Infrastructure.Tests.Channels.Support;

namespace PostPurchase.Infrastructure.Tests.Channels;

public sealed class ChannelResilienceTests : IDisposable
{
    private readonly AcsStub _acs = new();

    [Fact]
    public async Task SendAsync_ProviderRefusesEveryThirdSendOnce_CircuitStaysClosedAndEverySendIsAccepted()
    {
        using var host = ChannelTestHost.Create(_acs.Settings());
        var sender = host.Sender(Channel.Email);
        var outcomes = new List<SendResult>();

        // 90 sends, one in three answered 503 once first: a quarter of the calls fail, the provider still accepts every email.
        for (var i = 0; i < 90; i++)
        {
            if (i % 3 == 0)
            {
                _acs.SendFailures.Enqueue(503);
            }
            outcomes.Add(await sender.SendAsync(Messages.Email() with { Key = $"PP-{i}:order-confirmation:email" }, CancellationToken.None));
        }

        Assert.All(outcomes, o => Assert.Equal(SendOutcome.Sent, o.Outcome));
        Assert.Equal(90, _acs.Sends.Count);
    }

    [Fact]
    public async Task SendAsync_ProviderFailsEveryCall_OpensTheCircuitAndAnswersRetryAfterTheBreak()
    {
        var timings = ChannelTestHost.Fast with { MaxRetryAttempts = 1, BreakDuration = TimeSpan.FromSeconds(45) };
        using var host = ChannelTestHost.Create(_acs.Settings(), timings: timings);
        var sender = host.Sender(Channel.Email);
        for (var i = 0; i < 200; i++)
        {
            _acs.SendFailures.Enqueue(503);
        }

        var results = new List<(SendResult Result, int PostsAfter)>();
        for (var i = 0; i < 40; i++)
        {
            var result = await sender.SendAsync(Messages.Email() with { Key = $"PP-{i}:order-confirmation:email" }, CancellationToken.None);
            results.Add((result, _acs.Posts));
        }

        // Until the circuit opens each send is tried and answered Retry with no wait known; once it is open no call is made
        // and the outbox is told to pause the channel for the break.
        var closed = results.TakeWhile(r => r.Result.RetryAfter is null).ToList();
        var open = results.Skip(closed.Count).ToList();
        Assert.NotEmpty(closed);
        Assert.All(closed, r => Assert.Equal(SendOutcome.Retry, r.Result.Outcome));
        Assert.True(closed[^1].PostsAfter >= timings.BreakMinimumThroughput / 2, $"opened after {closed[^1].PostsAfter} sends");
        Assert.NotEmpty(open);
        Assert.All(open, r =>
        {
            Assert.Equal(SendOutcome.Retry, r.Result.Outcome);
            Assert.Equal(TimeSpan.FromSeconds(45), r.Result.RetryAfter);
            Assert.Contains("circuit open", r.Result.Error, StringComparison.Ordinal);
            Assert.Equal(closed[^1].PostsAfter, r.PostsAfter);
        });
        Assert.Empty(_acs.Sends);
    }

    public void Dispose() => _acs.Dispose();
}
