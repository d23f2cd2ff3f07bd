using System.Collections.Concurrent;
using Queueing = System.Threading.Channels;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Load;

/// <summary>
/// Accepts every message at once and counts them per intent, so the run measures the engine and not a provider. The order id
/// of every CSAT survey sent is handed to <see cref="Surveyed"/>, so the driver can answer it like a buyer would.
/// </summary>
internal sealed class CountingSender(Channel channel) : IChannelSender
{
    private readonly ConcurrentDictionary<Intent, int> _byIntent = new();
    private readonly Queueing.Channel<string> _surveyed = Queueing.Channel.CreateUnbounded<string>();

    public Channel Channel { get; } = channel;

    public string Provider => "load";

    public Queueing.ChannelReader<string> Surveyed => _surveyed.Reader;

    public int Count(Intent intent) => _byIntent.TryGetValue(intent, out var n) ? n : 0;

    public int Total => _byIntent.Values.Sum();

    /// <summary>Told of every message as it is handed over (the overload run times acceptance to hand-over with it).</summary>
    public Action<OutboundMessage>? Handed { get; set; }

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        _byIntent.AddOrUpdate(message.Intent, 1, static (_, n) => n + 1);
        Handed?.Invoke(message);
        if (message.Intent == Intent.CsatSurvey)
        {
            _surveyed.Writer.TryWrite(message.OrderId);
        }

        return Task.FromResult(SendResult.Sent($"load-{message.Key}"));
    }
}
