using System.Collections.Concurrent;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Load;

/// <summary>Accepts every message at once and counts them per intent, so the run measures the engine and not a provider.</summary>
internal sealed class CountingSender(Channel channel) : IChannelSender
{
    private readonly ConcurrentDictionary<Intent, int> _byIntent = new();

    public Channel Channel { get; } = channel;

    public string Provider => "load";

    public int Count(Intent intent) => _byIntent.TryGetValue(intent, out var n) ? n : 0;

    public int Total => _byIntent.Values.Sum();

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        _byIntent.AddOrUpdate(message.Intent, 1, static (_, n) => n + 1);
        return Task.FromResult(SendResult.Sent($"load-{message.Key}"));
    }
}
