using System.Text.RegularExpressions;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Messages;

/// <summary>Renders a timeline message with the Liquid templates of its intent, channel and locale.</summary>
/// <remarks>Thread-safe once constructed; build one per merchant configuration and reuse it.</remarks>
public sealed partial class MessageComposer
{
    private readonly TemplateCatalog _templates;
    private readonly LocaleStrings _strings;

    /// <summary>Creates a composer with the built-in templates, overlaid by the merchant's (key "intent.channel.locale.part").</summary>
    /// <exception cref="MessageTemplateException">An override has a bad key, does not parse, or fails to render a sample order.</exception>
    /// <exception cref="ArgumentException">A branding colour is not a CSS hex colour.</exception>
    public MessageComposer(Branding branding, IReadOnlyDictionary<string, string>? templateOverrides = null)
    {
        ArgumentNullException.ThrowIfNull(branding);
        CheckColor(branding.PrimaryColor, nameof(Branding.PrimaryColor));
        CheckColor(branding.AccentColor, nameof(Branding.AccentColor));
        Branding = branding;
        _strings = LocaleStrings.LoadBuiltIn();
        _templates = new TemplateCatalog(templateOverrides);
        foreach (var key in _templates.OverrideKeys)
            TrySample(key);
    }

    /// <summary>The merchant branding every message carries.</summary>
    public Branding Branding { get; }

    /// <summary>Renders <paramref name="message"/> for the order in <paramref name="state"/>.</summary>
    /// <exception cref="MessageTemplateException">A template fails to render (the key says which).</exception>
    public RenderedMessage Compose(TimelineMessage message, TimelineState state, MessageLinks links)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(links);
        var locale = LocaleFormat.Normalize(message.Locale);
        var intent = WireName.Of(message.Intent);
        var model = MessageModel.Build(message, state, links, Branding, locale);
        var t = _strings.Render(intent, locale, model);
        VariantStrings.Apply(t, message, locale, model);
        model["t"] = t;
        model["list"] = IntentProfile.List(message.Intent, model);
        model["cta"] = new Dictionary<string, object?> { ["url"] = IntentProfile.CallToAction(model), ["label"] = t["cta"] };

        return message.Channel switch
        {
            Channel.Email => Email(intent, locale, model),
            Channel.Sms => new RenderedMessage(null, null, SmsText.Fit(Block(Render(intent, "sms", locale, "text", model)))),
            Channel.WhatsApp => new RenderedMessage(null, null, Block(Render(intent, "whatsapp", locale, "text", model)), WhatsAppVariables(model, t)),
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Channel, "Unknown channel."),
        };
    }

    private RenderedMessage Email(string intent, string locale, Dictionary<string, object?> model)
    {
        var subject = TextCleaner.Line(Render(intent, "email", locale, "subject", model));
        model["content"] = Render(intent, "email", locale, "html", model, html: true);
        var html = Render("layout", "email", locale, "html", model, html: true);
        model["content"] = Block(Render(intent, "email", locale, "text", model));
        var text = Block(Render("layout", "email", locale, "text", model));
        model.Remove("content");
        return new RenderedMessage(subject, html, text);
    }

    private string Render(string intent, string channel, string locale, string part, IReadOnlyDictionary<string, object?> model, bool html = false)
    {
        var (key, template) = _templates.Find(intent, channel, locale, part);
        return FluidRuntime.Render(key, template, model, locale, html);
    }

    private static Dictionary<string, string> WhatsAppVariables(Dictionary<string, object?> model, Dictionary<string, object?> t) => new()
    {
        ["1"] = (string)((Dictionary<string, object?>)model["customer"]!)["first_name"]!,
        ["2"] = (string)((Dictionary<string, object?>)model["shop"]!)["name"]!,
        ["3"] = (string)((Dictionary<string, object?>)model["order"]!)["number"]!,
        ["4"] = (string)t["short"]!,
        ["5"] = (string)((Dictionary<string, object?>)model["cta"]!)["url"]!,
    };

    private static string Block(string text) => TextCleaner.Block(text);

    /// <summary>Renders a sample of <paramref name="intent"/> with an A/B arm's strings in every locale and channel; the first error, or null.</summary>
    public string? TryStrings(Intent intent, IReadOnlyDictionary<string, string> strings)
    {
        ArgumentNullException.ThrowIfNull(strings);
        var facts = strings.ToDictionary(s => Growth.ExperimentRules.StringFactPrefix + s.Key.Trim().ToLowerInvariant(), s => s.Value, StringComparer.Ordinal);
        try
        {
            foreach (var locale in LocaleFormat.Supported)
            {
                foreach (var channel in Enum.GetValues<Channel>())
                {
                    Compose(SampleOrder.Message(intent, channel, locale) with { Facts = facts }, SampleOrder.State(), SampleOrder.Links);
                }
            }
            return null;
        }
        catch (MessageTemplateException ex)
        {
            return ex.Message;
        }
    }

    private void TrySample(string key)
    {
        var parts = key.Split('.');
        var locales = parts[2] == "*" ? LocaleFormat.Supported : [parts[2]];
        var intents = parts[0] == "layout" ? Enum.GetValues<Intent>() : [WireName.TryParse<Intent>(parts[0], out var i) ? i : default];
        var channel = WireName.TryParse<Channel>(parts[1], out var c) ? c : default;
        foreach (var locale in locales)
        {
            foreach (var intent in intents)
                Compose(SampleOrder.Message(intent, channel, locale), SampleOrder.State(), SampleOrder.Links);
        }
    }

    private static void CheckColor(string color, string name)
    {
        if (!HexColor().IsMatch(color ?? ""))
            throw new ArgumentException($"Branding.{name} must be a CSS hex colour such as #1f6feb, but was '{color}'.", name);
    }

    [GeneratedRegex("^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")]
    private static partial Regex HexColor();
}
