using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Messages;

/// <summary>An A/B arm's own words: facts "t.{key}" (every locale) and "t.{locale}.{key}" replace the locale string of that key.</summary>
internal static class VariantStrings
{
    public static void Apply(Dictionary<string, object?> t, TimelineMessage message, string locale, IReadOnlyDictionary<string, object?> model)
    {
        if (message.Facts is null)
        {
            return;
        }
        var prefix = ExperimentRules.StringFactPrefix;
        // Locale-specific strings last, so they win over the arm's strings for every locale.
        var strings = message.Facts
            .Where(f => f.Key.StartsWith(prefix, StringComparison.Ordinal))
            .Select(f => (Fact: f.Key, Parts: f.Key[prefix.Length..].Split('.'), Source: f.Value))
            .Where(s => s.Parts.Length == 1 || (s.Parts.Length == 2 && s.Parts[0] == locale))
            .OrderBy(s => s.Parts.Length);
        foreach (var (fact, parts, source) in strings)
        {
            var template = FluidRuntime.Parse(fact, source);
            t[parts[^1]] = TextCleaner.Line(FluidRuntime.Render(fact, template, model, locale, html: false));
        }
    }
}
