using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Tests.Channels.Support;

/// <summary>The production channel registration over test settings, with every log line captured.</summary>
internal sealed class ChannelTestHost : IDisposable
{
    /// <summary>
    /// Tiny delays and no jitter, so retry tests are quick and exact. Timeouts stay generous: a first request on a busy machine can
    /// take seconds, and a test that is about timeouts sets its own.
    /// </summary>
    public static ChannelTimings Fast { get; } = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(30),
        MaxRetryAttempts = 2,
        RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        MaxRetryDelay = TimeSpan.FromSeconds(30),
        UseJitter = false,
        AcsPollTimeout = TimeSpan.FromSeconds(30),
        AcsStatusPollDelay = TimeSpan.FromMilliseconds(20),
        AcsStatusReadPause = TimeSpan.FromMilliseconds(10),
        SmtpTimeout = TimeSpan.FromSeconds(30),
    };

    private ChannelTestHost(ServiceProvider provider) => Provider = provider;

    public ServiceProvider Provider { get; }

    public FakeLogCollector Logs => Provider.GetFakeLogCollector();

    public static ChannelTestHost Create(PostPurchaseOptions settings, TimeProvider? time = null, ChannelTimings? timings = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddFakeLogging(o => o.FilteredLevels.Clear());
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(time ?? TimeProvider.System);
        services.AddSingleton(timings ?? Fast);
        services.AddSingleton(Options.Create(settings));
        more?.Invoke(services);
        services.AddChannels(settings);
        return new ChannelTestHost(services.BuildServiceProvider());
    }

    public IChannelSender Sender(Channel channel) => Provider.GetServices<IChannelSender>().Single(s => s.Channel == channel);

    /// <summary>Every captured log line with its exception, as one text to search for secrets.</summary>
    public string AllLogText() => string.Join('\n', Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception}"));

    public void Dispose() => Provider.Dispose();
}
