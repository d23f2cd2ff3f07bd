using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Studio;

/// <summary>The settings version in force, ready to use: the decider's policy (stamped with the version) and the composer of its templates.</summary>
public sealed class LiveSettings
{
    /// <summary>Builds the policy and the composer of <paramref name="stored"/>.</summary>
    public LiveSettings(StoredSettings stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Stored = stored;
        Policy = stored.Settings.Policy with { SettingsVersion = stored.Version == 0 ? null : stored.Version };
        Composer = stored.Settings.Composer();
    }

    /// <summary>The version and its document.</summary>
    public StoredSettings Stored { get; }

    /// <summary>The version number; 0 for the configuration file.</summary>
    public int Version => Stored.Version;

    /// <summary>The timeline policy of this version.</summary>
    public TimelinePolicy Policy { get; }

    /// <summary>Renders messages with this version's branding and templates.</summary>
    public MessageComposer Composer { get; }

    /// <summary>The branding of this version.</summary>
    public Branding Branding => Stored.Settings.Branding;

    /// <summary>The approved WhatsApp template for an intent in a locale ("intent.locale", else "intent"), or null.</summary>
    public string? WhatsAppTemplateFor(Intent intent, string locale)
    {
        var name = Core.Serialization.WireName.Of(intent);
        var templates = Stored.Settings.WhatsAppTemplates;
        return templates.TryGetValue($"{name}.{LocaleFormat.Normalize(locale)}", out var sid) || templates.TryGetValue(name, out sid) ? sid : null;
    }
}
