using System.Collections.Concurrent;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Notices a channel's provider accepting again after a spell of trouble (an outage, an open circuit), so the outbox sends what
/// waited meanwhile at once: a message whose own attempts met the outage may otherwise wait out a backoff of many minutes.
/// </summary>
internal sealed class ChannelRecovery
{
    /// <summary>How long a channel must have had no send accepted before its first accepted send wakes its waiting messages.</summary>
    public static readonly TimeSpan Spell = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Channel, DateTimeOffset> _troubleSince = new();
    private readonly ConcurrentDictionary<Channel, bool> _woken = new();

    /// <summary>Notes a send the provider did not accept (refused, unreachable, or its circuit open).</summary>
    public void Refused(Channel channel, DateTimeOffset now) => _troubleSince.TryAdd(channel, now);

    /// <summary>Notes an accepted send; true when it ends a spell of trouble of at least <see cref="Spell"/>.</summary>
    public bool Accepted(Channel channel, DateTimeOffset now)
    {
        // Refusals among acceptances (a provider refusing a share of sends) keep restarting the spell, so they wake nothing.
        if (!_troubleSince.TryRemove(channel, out var since) || now - since < Spell)
        {
            return false;
        }

        _woken[channel] = true;
        return true;
    }

    /// <summary>The channels whose waiting messages should go now, each handed out once.</summary>
    public IReadOnlySet<Channel> TakeWoken()
    {
        var woken = new HashSet<Channel>();
        foreach (var channel in _woken.Keys)
        {
            if (_woken.TryRemove(channel, out _))
            {
                woken.Add(channel);
            }
        }

        return woken;
    }
}
