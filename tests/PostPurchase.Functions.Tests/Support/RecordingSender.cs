using System.Collections.Concurrent;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>A channel sender that records every call with the time it was made; scripted answers go first, then every send succeeds.</summary>
internal sealed class RecordingSender(Channel channel, TimeProvider time) : IChannelSender
{
    private readonly ConcurrentQueue<SendResult> _script = new();

    public Channel Channel { get; } = channel;

    public string Provider => "recording";

    /// <summary>Says it can ask its provider about an earlier attempt, as Twilio's sender does.</summary>
    public bool LooksUpSends { get; init; }

    public bool CanLookUpSends => LooksUpSends;

    /// <summary>Every call, in order, with when it was made.</summary>
    public ConcurrentQueue<(OutboundMessage Message, DateTimeOffset At)> Calls { get; } = new();

    /// <summary>The next call answers <paramref name="result"/>.</summary>
    public void Next(SendResult result) => _script.Enqueue(result);

    public IEnumerable<OutboundMessage> Sent(Intent intent) => Calls.Select(c => c.Message).Where(m => m.Intent == intent);

    /// <summary>Awaited before each send answers: a test holds a provider back with it.</summary>
    public Func<OutboundMessage, Task>? Before { get; set; }

    public async Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Calls.Enqueue((message, time.GetUtcNow()));
        if (Before is { } before)
        {
            await before(message);
        }
        return _script.TryDequeue(out var scripted) ? scripted : SendResult.Sent($"rec-{message.Key}");
    }
}
