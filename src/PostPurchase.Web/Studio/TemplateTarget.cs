using PostPurchase.Core.Messages;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Studio;

/// <summary>Which template the editor works on: intent, channel, locale and part, with sensible defaults for anything missing or unknown.</summary>
internal sealed record TemplateTarget(Intent Intent, Channel Channel, string Locale, string Part)
{
    public string IntentName => WireName.Of(Intent);

    public string ChannelName => WireName.Of(Channel);

    /// <summary>The override key the composer reads, e.g. "shipped.email.nl.subject".</summary>
    public string Key => BuiltInTemplates.Key(IntentName, ChannelName, Locale, Part);

    /// <summary>The WhatsApp mapping key for this intent and locale, e.g. "shipped.nl".</summary>
    public string WhatsAppKey => $"{IntentName}.{Locale}";

    public static IReadOnlyList<string> PartsOf(Channel channel) => channel == Channel.Email ? ["subject", "html", "text"] : ["text"];

    public string Query(string? order = null) =>
        $"intent={IntentName}&channel={ChannelName}&locale={Locale}&part={Part}{(string.IsNullOrEmpty(order) ? "" : "&order=" + Uri.EscapeDataString(order))}";

    public static TemplateTarget From(Func<string, string?> value)
    {
        var intent = WireName.TryParse<Intent>(value("intent"), out var i) ? i : Intent.Shipped;
        var channel = WireName.TryParse<Channel>(value("channel"), out var c) ? c : Channel.Email;
        var locale = LocaleFormat.Supported.Contains(value("locale") ?? "", StringComparer.Ordinal) ? value("locale")! : "en";
        var parts = PartsOf(channel);
        var part = parts.Contains(value("part") ?? "", StringComparer.Ordinal) ? value("part")! : parts[0];
        return new TemplateTarget(intent, channel, locale, part);
    }

    /// <summary>The source the editor shows: the saved override, else the built-in template.</summary>
    public (string Source, bool Overridden) Source(StudioSettings settings) =>
        settings.Templates.TryGetValue(Key, out var source) ? (source, true) : (Default, false);

    public string Default => BuiltInTemplates.Source(IntentName, ChannelName, Part);
}
