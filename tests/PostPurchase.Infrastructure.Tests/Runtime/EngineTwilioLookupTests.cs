using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Tests.Channels.Support;
using PostPurchase.Infrastructure.Tests.Channels.Twilio;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>
/// A process killed while Twilio held its text's create request: the next process finds the claim after its lease, asks
/// Twilio's message list, and sends only what Twilio never got. Real storage, the real Twilio sender, a stub of Twilio.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class EngineTwilioLookupTests(AzuriteServer azurite) : IDisposable
{
    private readonly FakeTimeProvider _time = new(Some.Monday);
    private TwilioStub? _twilio;

    [Fact]
    public async Task SweepAsync_KilledWhileTwilioAcceptedTheText_RecordedSentWithItsSidAndNeverSentAgain()
    {
        var twilio = Twilio(acceptsCreates: true);
        var (crashed, orderId) = await KilledDuringTheTextAsync(twilio);
        await using var restarted = EngineHarness.Create(azurite.ConnectionString, crashed.Prefix, _time, senders: Senders(twilio));

        await restarted.AdvanceAsync(TimeSpan.FromMinutes(3));
        await restarted.AdvanceAsync(TimeSpan.FromHours(1));

        var text = await TextAsync(restarted, orderId);
        Assert.Equal(MessageStatus.Sent, text.Status);
        Assert.Equal(1, twilio.Log.Creates);
        Assert.Equal(twilio.Log.Sids.Single(), text.ProviderMessageId);
    }

    [Fact]
    public async Task SweepAsync_KilledBeforeTwilioGotTheText_SentOnceAfterTheLookup()
    {
        var twilio = Twilio(acceptsCreates: false);
        var (crashed, orderId) = await KilledDuringTheTextAsync(twilio);
        Assert.Equal(0, twilio.Log.Creates);
        twilio.AcceptCreates();
        await using var restarted = EngineHarness.Create(azurite.ConnectionString, crashed.Prefix, _time, senders: Senders(twilio));

        await restarted.AdvanceAsync(TimeSpan.FromMinutes(3));
        await restarted.AdvanceAsync(TimeSpan.FromHours(1));

        var text = await TextAsync(restarted, orderId);
        Assert.Equal(MessageStatus.Sent, text.Status);
        Assert.Equal(1, twilio.Log.Creates);
        Assert.True(twilio.Log.Reads >= 1);
    }

    [Fact]
    public async Task SweepAsync_LookupFailsThenRecovers_NothingSentWhileItFailsThenRecordedOnce()
    {
        var twilio = Twilio(acceptsCreates: true);
        var (crashed, orderId) = await KilledDuringTheTextAsync(twilio);
        twilio.Log.Unavailable = true;
        await using var restarted = EngineHarness.Create(azurite.ConnectionString, crashed.Prefix, _time, senders: Senders(twilio));

        await restarted.AdvanceAsync(TimeSpan.FromMinutes(3));
        var waiting = await TextAsync(restarted, orderId);
        twilio.Log.Unavailable = false;
        await restarted.AdvanceAsync(TimeSpan.FromMinutes(5));
        await restarted.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(MessageStatus.Pending, waiting.Status);
        Assert.Contains("Could not ask Twilio", waiting.Error, StringComparison.Ordinal);
        var text = await TextAsync(restarted, orderId);
        Assert.Equal(MessageStatus.Sent, text.Status);
        Assert.Equal(twilio.Log.Sids.Single(), text.ProviderMessageId);
        Assert.Equal(1, twilio.Log.Creates);
    }

    private TwilioStub Twilio(bool acceptsCreates)
    {
        _twilio = new TwilioStub(_time);
        _twilio.ServeMessageList();
        if (acceptsCreates)
        {
            // Twilio keeps the message at once; its answer is held until after the process is gone.
            _twilio.AcceptCreates(TimeSpan.FromSeconds(15));
        }
        else
        {
            _twilio.HoldCreates(TimeSpan.FromSeconds(15));
        }
        return _twilio;
    }

    private static Action<IServiceCollection> Senders(TwilioStub twilio) => services =>
    {
        var settings = twilio.Settings();
        services.AddSingleton(Options.Create(settings));
        // The pipeline waits on the engine's simulated clock: retry at once, so a failing lookup is retried without advancing it.
        services.AddSingleton(ChannelTestHost.Fast with { RetryBaseDelay = TimeSpan.Zero });
        services.AddChannels(settings);
    };

    /// <summary>An in-transit scan makes a text; the process is stopped while its create request is with Twilio (or unanswered).</summary>
    private async Task<(EngineHarness Crashed, string OrderId)> KilledDuringTheTextAsync(TwilioStub twilio)
    {
        var crashed = EngineHarness.Create(azurite.ConnectionString, time: _time, senders: Senders(twilio));
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().WithShipment("postnl", tracking).Build();
        await crashed.Workflows.StartAsync(order, CancellationToken.None);
        await crashed.Runtime.DrainAsync(CancellationToken.None);
        await crashed.Ingress.AcceptAsync([EngineScenario.Scan(tracking, TrackingStatus.InTransit, _time.GetUtcNow())], CancellationToken.None);

        using var kill = new CancellationTokenSource();
        var drain = crashed.Runtime.DrainAsync(kill.Token);
        await Eventually.TrueAsync(() => twilio.Arrived > 0, "the text's create request reached Twilio", 60);
        await kill.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => drain);
        // Not disposed: a killed process cleans nothing up, and disposing would wait for the send Twilio still holds.
        return (crashed, order.OrderId);
    }

    private static async Task<TimelineMessage> TextAsync(EngineHarness engine, string orderId) =>
        (await engine.Workflows.GetAsync(orderId, CancellationToken.None))!.Messages.Single(m => m.Message.Channel == Channel.Sms).Message;

    public void Dispose() => _twilio?.Dispose();
}
