using System.Collections.Concurrent;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Infrastructure.Tests.Runtime;

/// <summary>A channel sender that records every call; a script can make the next calls throw or answer a given outcome.</summary>
internal sealed class RecordingSender(Channel channel) : IChannelSender
{
    private readonly ConcurrentQueue<Func<OutboundMessage, SendResult>> _script = new();

    public Channel Channel { get; } = channel;

    public string Provider => "recording";

    /// <summary>Whether the engine may hand a message whose answer was lost to this sender again (a provider it can ask first).</summary>
    public bool CanLookUpSends { get; set; }

    /// <summary>Every call, in order, including those that threw or failed.</summary>
    public ConcurrentQueue<OutboundMessage> Calls { get; } = new();

    /// <summary>Messages the sender accepted.</summary>
    public ConcurrentQueue<OutboundMessage> Sent { get; } = new();

    /// <summary>The next call behaves like <paramref name="behaviour"/> (which may throw); later calls succeed.</summary>
    public void Next(Func<OutboundMessage, SendResult> behaviour) => _script.Enqueue(behaviour);

    public Task<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Calls.Enqueue(message);
        if (_script.TryDequeue(out var behaviour))
        {
            var scripted = behaviour(message);
            if (scripted.Outcome == SendOutcome.Sent)
            {
                Sent.Enqueue(message);
            }

            return Task.FromResult(scripted);
        }

        Sent.Enqueue(message);
        return Task.FromResult(SendResult.Sent($"rec-{message.Key}"));
    }
}
