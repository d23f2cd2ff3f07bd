using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Messages;

/// <summary>Renders a timeline message with the Liquid templates of its intent, channel and locale.</summary>
public sealed class MessageComposer
{
    /// <summary>Creates a composer with the built-in templates, overlaid by the merchant's (key "intent.channel.locale.part").</summary>
    public MessageComposer(Branding branding, IReadOnlyDictionary<string, string>? templateOverrides = null)
    {
        Branding = branding;
        _ = templateOverrides;
    }

    /// <summary>The merchant branding every message carries.</summary>
    public Branding Branding { get; }

    /// <summary>Renders <paramref name="message"/> for the order in <paramref name="state"/>.</summary>
    public RenderedMessage Compose(TimelineMessage message, TimelineState state, MessageLinks links) =>
        throw new NotImplementedException("Being written.");
}
