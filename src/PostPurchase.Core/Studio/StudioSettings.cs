using PostPurchase.Core.Growth;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Studio;

/// <summary>Everything a merchant edits in the studio, as one document: branding, flows and timings, templates, WhatsApp templates.</summary>
/// <remarks>Saved whole as a version; the configuration file gives the defaults (version 0). See docs/studio.md.</remarks>
public sealed record StudioSettings
{
    /// <summary>Shop name, logo, colours, contacts, return policy per locale, sender name.</summary>
    public Branding Branding { get; init; } = new();

    /// <summary>Flows (channels per intent) and timings; <see cref="TimelinePolicy.SettingsVersion"/> is not part of the document.</summary>
    public TimelinePolicy Policy { get; init; } = new();

    /// <summary>Liquid templates by key "intent.channel.locale.part" (locale "*" for every locale), over the built-in ones.</summary>
    public IReadOnlyDictionary<string, string> Templates { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Approved WhatsApp Content template SIDs by "intent.locale" or "intent", used outside the 24-hour window.</summary>
    public IReadOnlyDictionary<string, string> WhatsAppTemplates { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>A copy whose lookups ignore case (JSON drops the comparers) and whose template keys are trimmed and lower-case.</summary>
    public StudioSettings Normalized()
    {
        // A section left out or null in an imported document means its defaults.
        var policy = Policy ?? new TimelinePolicy();
        var branding = Branding ?? new Branding();
        var review = policy.Review ?? new ReviewPolicy();
        var quiet = policy.QuietHours ?? new QuietHoursPolicy();
        var csat = policy.Csat ?? new CsatPolicy();
        var growth = policy.Growth ?? new GrowthPolicy();
        var usage = growth.Replenishment ?? new ReplenishmentPolicy();
        var winBack = growth.WinBack ?? new WinBackPolicy();
        return this with
        {
            Branding = branding with { ReturnPolicySummary = IgnoreCase(branding.ReturnPolicySummary) },
            Policy = policy with
            {
                Review = review with { CategoryDays = IgnoreCase(review.CategoryDays), SkuDays = IgnoreCase(review.SkuDays) },
                Csat = csat with { CategoryDays = IgnoreCase(csat.CategoryDays), SkuDays = IgnoreCase(csat.SkuDays) },
                Delays = policy.Delays ?? new DelayPolicy(),
                QuietHours = quiet with { Default = quiet.Default ?? new QuietHoursRule(), Countries = IgnoreCase(quiet.Countries) },
                TextIntents = [.. (policy.TextIntents ?? []).Distinct()],
                ChannelsOff = [.. (policy.ChannelsOff ?? []).Distinct()],
                Growth = growth with
                {
                    Replenishment = usage with { SkuDays = IgnoreCase(usage.SkuDays), CategoryDays = IgnoreCase(usage.CategoryDays), Reorder = usage.Reorder ?? new() },
                    WinBack = winBack with { CategoryDays = IgnoreCase(winBack.CategoryDays) },
                    Recommendations = growth.Recommendations ?? new(),
                    Referral = growth.Referral ?? new(),
                    Experiments = growth.Experiments ?? [],
                },
                SettingsVersion = null,
            },
            Templates = (Templates ?? new Dictionary<string, string>())
                .ToDictionary(t => t.Key.Trim().ToLowerInvariant(), t => t.Value, StringComparer.OrdinalIgnoreCase),
            WhatsAppTemplates = IgnoreCase(WhatsAppTemplates ?? new Dictionary<string, string>()),
        };
    }

    /// <summary>The composer for this branding and these templates.</summary>
    /// <exception cref="MessageTemplateException">A template is invalid (validate first with <see cref="StudioValidator"/>).</exception>
    public MessageComposer Composer() => new(Branding, Templates);

    private static Dictionary<string, T> IgnoreCase<T>(IEnumerable<KeyValuePair<string, T>>? source)
    {
        var result = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in source ?? [])
            result[key.Trim()] = value;
        return result;
    }
}
