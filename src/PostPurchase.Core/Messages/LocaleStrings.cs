using System.Reflection;
using System.Text.Json;
using Fluid;

namespace PostPurchase.Core.Messages;

/// <summary>The per-locale copy (Locales/{locale}.json): "common" strings plus one section per intent, each a small Liquid template.</summary>
internal sealed class LocaleStrings
{
    /// <summary>Keys every intent section may use; missing ones render as "".</summary>
    public static readonly string[] IntentKeys = ["subject", "heading", "intro", "detail", "short", "sms", "cta", "list_title"];

    /// <summary>Keys every intent section must have.</summary>
    public static readonly string[] RequiredKeys = ["subject", "heading", "intro", "short", "sms"];

    private readonly Dictionary<string, Dictionary<string, Dictionary<string, IFluidTemplate>>> _byLocale = new(StringComparer.OrdinalIgnoreCase);

    private LocaleStrings() { }

    public static LocaleStrings LoadBuiltIn()
    {
        var strings = new LocaleStrings();
        var assembly = typeof(LocaleStrings).Assembly;
        foreach (var locale in LocaleFormat.Supported)
        {
            var name = $"PostPurchase.Core.Messages.Locales.{locale}.json";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new MessageTemplateException(name, "the locale file is not embedded in the assembly.");
            strings._byLocale[locale] = Parse(locale, stream);
        }
        return strings;
    }

    /// <summary>Sections and keys of one locale, for tests and docs.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> Keys(string locale) =>
        _byLocale[locale].ToDictionary(s => s.Key, s => (IReadOnlyCollection<string>)s.Value.Keys.ToList());

    /// <summary>Renders the common strings and the intent's strings into one flat dictionary (intent keys win).</summary>
    public Dictionary<string, object?> Render(string intent, string locale, IReadOnlyDictionary<string, object?> model)
    {
        var sections = _byLocale[locale];
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var key in IntentKeys)
            result[key] = "";
        var context = FluidRuntime.Context(model, locale);
        foreach (var section in new[] { "common", intent })
        {
            if (!sections.TryGetValue(section, out var strings))
                continue;
            foreach (var (key, template) in strings)
                result[key] = TextCleaner.Line(FluidRuntime.Render($"{locale}:{section}.{key}", template, context, html: false));
        }
        return result;
    }

    private static Dictionary<string, Dictionary<string, IFluidTemplate>> Parse(string locale, Stream stream)
    {
        using var document = JsonDocument.Parse(stream);
        var sections = new Dictionary<string, Dictionary<string, IFluidTemplate>>(StringComparer.Ordinal);
        foreach (var section in document.RootElement.EnumerateObject())
        {
            var strings = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
            foreach (var entry in section.Value.EnumerateObject())
            {
                var key = $"{locale}:{section.Name}.{entry.Name}";
                strings[entry.Name] = FluidRuntime.Parse(key, entry.Value.GetString() ?? "");
            }
            sections[section.Name] = strings;
        }
        return sections;
    }
}
