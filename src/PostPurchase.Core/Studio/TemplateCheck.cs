using System.Text.RegularExpressions;
using PostPurchase.Core.Messages;

namespace PostPurchase.Core.Studio;

/// <summary>Checks one template the way the composer will use it (key, syntax, a trial render in every locale it serves) and says where it fails.</summary>
public static partial class TemplateCheck
{
    /// <summary>Null when <paramref name="source"/> parses and renders for <paramref name="key"/>; else the problem with its line and column.</summary>
    public static SettingsError? Check(Branding branding, string key, string source)
    {
        ArgumentNullException.ThrowIfNull(branding);
        ArgumentNullException.ThrowIfNull(key);
        var path = $"templates.{key}";
        if (source is null)
            return new SettingsError(path, "The template is empty; delete the key to use the built-in template.");
        try
        {
            // An empty template always renders, so a failure here is the key's own.
            _ = new MessageComposer(branding, new Dictionary<string, string> { [key] = "" });
        }
        catch (MessageTemplateException e)
        {
            return new SettingsError(path, Regex.Replace(e.Message, "^Message template '[^']*': ", ""));
        }
        try
        {
            _ = new MessageComposer(branding, new Dictionary<string, string> { [key] = source });
            return null;
        }
        catch (MessageTemplateException e)
        {
            return Describe(path, source, e.Message, key, branding);
        }
        catch (ArgumentException e)
        {
            return new SettingsError("branding", e.Message);
        }
    }

    /// <summary>Turns the composer's message into a sentence with the line and column of the fault in <paramref name="source"/>.</summary>
    private static SettingsError Describe(string path, string source, string message, string key, Branding branding)
    {
        var text = Regex.Replace(message, "^Message template '[^']*': ", "");
        if (ParsePosition().Match(text) is { Success: true } at)
        {
            var cut = text.IndexOf("\nSource:", StringComparison.Ordinal);
            var reason = (cut >= 0 ? text[..cut] : text).Trim();
            return new SettingsError(path, reason, int.Parse(at.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(at.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        // Render faults (an unknown variable or filter) do not say where: try each tag's expression alone to find the first that fails.
        return FirstFailingTag(path, source, text.Trim(), key, branding) ?? new SettingsError(path, text.Trim(), 1, 1);
    }

    private static SettingsError? FirstFailingTag(string path, string source, string reason, string key, Branding branding)
    {
        // Names bound inside the template (loop variables, assign, capture) only exist in context: leave their uses alone.
        var bound = Bound().Matches(source).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        foreach (Match tag in Tag().Matches(source))
        {
            var expression = Expression(tag.Value);
            if (expression is null || bound.Contains(Root().Match(expression).Value))
                continue;
            try
            {
                _ = new MessageComposer(branding, new Dictionary<string, string> { [key] = "{{ " + expression + " }}" });
            }
            catch (MessageTemplateException)
            {
                var line = 1 + source.AsSpan(0, tag.Index).Count('\n');
                var column = tag.Index - source.LastIndexOf('\n', Math.Max(tag.Index - 1, 0)) switch { var nl when nl >= 0 && nl < tag.Index => nl + 1, _ => 0 } + 1;
                return new SettingsError(path, $"{reason}: {tag.Value.Trim()}", line, column);
            }
        }
        return null;
    }

    /// <summary>The expression a tag evaluates: <c>{{ x | f }}</c> as is, the condition of if/elsif/unless/case, the list of a for loop.</summary>
    private static string? Expression(string tag)
    {
        var inner = tag[2..^2].Trim('-', ' ', '\t', '\r', '\n');
        if (tag.StartsWith("{{", StringComparison.Ordinal))
            return inner.Length == 0 ? null : inner;
        var words = inner.Split((char[])[' ', '\t', '\r', '\n'], 2, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2)
            return null;
        return words[0] switch
        {
            "if" or "elsif" or "unless" => Condition().Split(words[1])[0].Trim(),
            "case" or "when" => words[1].Split(',')[0].Trim(),
            "for" when words[1].Split(" in ", 2) is [_, var list] => list.Split(' ')[0].Trim(),
            _ => null,
        };
    }

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex ParsePosition();

    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    private static partial Regex Tag();

    [GeneratedRegex(@"\{%-?\s*(?:for|assign|capture|cycle)\s+([A-Za-z_][A-Za-z0-9_]*)")]
    private static partial Regex Bound();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*")]
    private static partial Regex Root();

    [GeneratedRegex(@"\s(?:==|!=|<>|<=|>=|<|>|contains|and|or)\s")]
    private static partial Regex Condition();
}
