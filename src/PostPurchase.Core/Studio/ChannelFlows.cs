using PostPurchase.Core.Policies;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Studio;

/// <summary>The flows matrix, each intent on or off per channel, read from and written to a policy's text intents and switched-off channels.</summary>
public static class ChannelFlows
{
    /// <summary>Every channel in the order the studio shows them.</summary>
    public static IReadOnlyList<Channel> Channels { get; } = [Channel.Email, Channel.Sms, Channel.WhatsApp];

    /// <summary>True when <paramref name="intent"/> goes by <paramref name="channel"/> (texts still need the buyer's consent).</summary>
    public static bool IsOn(TimelinePolicy policy, Intent intent, Channel channel)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var planned = channel == Channel.Email || policy.TextIntents.Contains(intent);
        return planned && !policy.ChannelsOff.Contains(new ChannelSwitch(intent, channel));
    }

    /// <summary>The policy with every intent's channels set from <paramref name="on"/> (true = on); intents not given keep theirs.</summary>
    public static TimelinePolicy With(TimelinePolicy policy, IReadOnlyDictionary<(Intent Intent, Channel Channel), bool> on)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(on);
        bool Get(Intent i, Channel c) => on.TryGetValue((i, c), out var value) ? value : IsOn(policy, i, c);
        var intents = Enum.GetValues<Intent>();
        var text = intents.Where(i => Get(i, Channel.Sms) || Get(i, Channel.WhatsApp)).ToList();
        var off = new List<ChannelSwitch>();
        foreach (var intent in intents)
        {
            foreach (var channel in Channels)
            {
                var possible = channel == Channel.Email || text.Contains(intent);
                if (possible && !Get(intent, channel))
                    off.Add(new ChannelSwitch(intent, channel));
            }
        }
        return policy with { TextIntents = text, ChannelsOff = off };
    }

    /// <summary>"Shipped: email, SMS and WhatsApp (texts with the buyer's consent)." or "... : not sent."</summary>
    public static string Describe(TimelinePolicy policy, Intent intent)
    {
        var names = Channels.Where(c => IsOn(policy, intent, c)).Select(Name).ToList();
        var label = WireName.Of(intent).Replace('-', ' ');
        label = char.ToUpperInvariant(label[0]) + label[1..];
        if (names.Count == 0)
            return $"{label}: not sent.";
        var list = names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " and " + names[^1];
        return names.Count > 1 || names[0] != "email" ? $"{label}: {list} (texts with the buyer's consent)." : $"{label}: {list}.";
    }

    /// <summary>The channel's name as merchants say it.</summary>
    public static string Name(Channel channel) => channel switch
    {
        Channel.Email => "email",
        Channel.Sms => "SMS",
        _ => "WhatsApp",
    };
}
