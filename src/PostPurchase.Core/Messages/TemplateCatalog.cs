using Fluid;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Messages;

/// <summary>Finds the template for intent, channel, locale and part: the merchant's override first, then the built-in one.</summary>
/// <remarks>
/// Lookup order: override "intent.channel.locale.part", override "intent.channel.*.part", built-in
/// "intent.channel.part", built-in "default.channel.part". The email frame is intent "layout".
/// </remarks>
internal sealed class TemplateCatalog
{
    private const string Prefix = "PostPurchase.Core.Messages.Templates.";
    private readonly Dictionary<string, IFluidTemplate> _builtIn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IFluidTemplate> _overrides = new(StringComparer.OrdinalIgnoreCase);

    public TemplateCatalog(IReadOnlyDictionary<string, string>? overrides)
    {
        var assembly = typeof(TemplateCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".liquid", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            var key = name[Prefix.Length..^".liquid".Length];
            _builtIn[key] = FluidRuntime.Parse(key, reader.ReadToEnd());
        }
        foreach (var (given, source) in overrides ?? new Dictionary<string, string>())
        {
            var key = given.Trim().ToLowerInvariant();
            Validate(key);
            _overrides[key] = FluidRuntime.Parse(key, source ?? throw new MessageTemplateException(key, "the override is null."));
        }
    }

    /// <summary>Keys of the merchant's overrides.</summary>
    public IReadOnlyCollection<string> OverrideKeys => _overrides.Keys;

    /// <summary>Keys of the built-in templates, e.g. "default.email.html".</summary>
    public IReadOnlyCollection<string> BuiltInKeys => _builtIn.Keys;

    /// <summary>Parts a channel renders.</summary>
    public static IReadOnlyList<string> Parts(string channel) => channel == "email" ? ["subject", "html", "text"] : ["text"];

    public (string Key, IFluidTemplate Template) Find(string intent, string channel, string locale, string part)
    {
        string[] overrideKeys = [$"{intent}.{channel}.{locale}.{part}", $"{intent}.{channel}.*.{part}"];
        foreach (var key in overrideKeys)
        {
            if (_overrides.TryGetValue(key, out var template))
                return (key, template);
        }
        string[] builtInKeys = [$"{intent}.{channel}.{part}", $"default.{channel}.{part}"];
        foreach (var key in builtInKeys)
        {
            if (_builtIn.TryGetValue(key, out var template))
                return (key, template);
        }
        throw new MessageTemplateException($"{intent}.{channel}.{locale}.{part}", "no template exists for it.");
    }

    private static void Validate(string key)
    {
        var parts = key.Split('.');
        if (parts.Length != 4)
            throw new MessageTemplateException(key, "override keys have four parts: intent.channel.locale.part, e.g. \"shipped.sms.nl.text\".");
        var (intent, channel, locale, part) = (parts[0], parts[1], parts[2], parts[3]);
        var isLayout = intent == "layout";
        if (!isLayout && !WireName.TryParse<Intent>(intent, out _))
            throw new MessageTemplateException(key, $"'{intent}' is not an intent; use one of {string.Join(", ", Enum.GetValues<Intent>().Select(i => WireName.Of(i)))} or 'layout'.");
        if (!WireName.TryParse<Channel>(channel, out _) || isLayout && channel != "email")
            throw new MessageTemplateException(key, $"'{channel}' is not a channel; use email, sms or whatsapp (layout: email only).");
        if (locale != "*" && !LocaleFormat.Supported.Contains(locale, StringComparer.Ordinal))
            throw new MessageTemplateException(key, $"'{locale}' is not a supported locale; use {string.Join(", ", LocaleFormat.Supported)} or *.");
        var allowed = isLayout ? ["html", "text"] : Parts(channel);
        if (!allowed.Contains(part, StringComparer.Ordinal))
            throw new MessageTemplateException(key, $"'{part}' is not a part of {channel}; use {string.Join(" or ", allowed)}.");
    }
}
