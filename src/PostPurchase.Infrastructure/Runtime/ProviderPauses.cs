using System.Collections.Concurrent;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// A provider's request to wait (a 429 or 5xx with Retry-After, e.g. ACS's per-minute quota) applies to every message of its
/// channel, not only the one refused: until then the outbox defers that channel's messages without spending their attempts.
/// </summary>
internal sealed class ProviderPauses
{
    private readonly ConcurrentDictionary<Channel, DateTimeOffset> _until = new();

    /// <summary>Holds <paramref name="channel"/>'s sends back until <paramref name="until"/> (a later pause wins).</summary>
    public void Pause(Channel channel, DateTimeOffset until) =>
        _until.AddOrUpdate(channel, until, (_, current) => until > current ? until : current);

    /// <summary>Until when <paramref name="channel"/> waits, or null when it may send at <paramref name="now"/>.</summary>
    public DateTimeOffset? Until(Channel channel, DateTimeOffset now) =>
        _until.TryGetValue(channel, out var until) && until > now ? until : null;
}
