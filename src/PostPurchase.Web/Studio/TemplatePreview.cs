using PostPurchase.Core.Messages;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Studio;

namespace PostPurchase.Web.Studio;

/// <summary>A draft template rendered by the real composer with every other saved template, or the reason it cannot be.</summary>
internal sealed record TemplatePreview(RenderedMessage? Content, SettingsError? Error, SmsLength? Length)
{
    /// <summary>Checks <paramref name="source"/> for <paramref name="target"/> and renders the message for the order (the sample when null).</summary>
    public static TemplatePreview Render(LiveSettings live, TemplateTarget target, string source, TimelineState? order, MessageLinks? links)
    {
        if (TemplateCheck.Check(live.Branding, target.Key, source) is { } error)
            return new TemplatePreview(null, error, null);
        try
        {
            var composer = new MessageComposer(live.Branding, Draft(live.Stored.Settings, target, source).Templates);
            var content = StudioPreview.Render(composer, target.Intent, target.Channel, target.Locale, order, links);
            return new TemplatePreview(content, null, target.Channel == Channel.Email ? null : SmsSegments.Count(content.Text));
        }
        catch (MessageTemplateException e)
        {
            // The template is fine for the sample but not for this order (e.g. a fact it lacks).
            return new TemplatePreview(null, new SettingsError($"templates.{target.Key}", e.Message), null);
        }
    }

    /// <summary>The settings with the draft in place; a draft equal to the built-in template removes the override, so later built-in fixes still arrive.</summary>
    public static StudioSettings Draft(StudioSettings settings, TemplateTarget target, string? source)
    {
        var templates = new Dictionary<string, string>(settings.Templates, StringComparer.OrdinalIgnoreCase);
        if (source is null || Same(source, target.Default))
            templates.Remove(target.Key);
        else
            templates[target.Key] = source;
        return settings with { Templates = templates };
    }

    private static bool Same(string a, string b) =>
        string.Equals(a.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), b.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), StringComparison.Ordinal);
}
