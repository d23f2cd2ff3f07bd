using System.Reflection;

namespace PostPurchase.Core.Studio;

/// <summary>The source of the built-in templates, for the studio's editor to start from and diff against.</summary>
public static class BuiltInTemplates
{
    private const string Prefix = "PostPurchase.Core.Messages.Templates.";

    /// <summary>The built-in source that serves intent, channel and part ("intent.channel.part", else "default.channel.part").</summary>
    public static string Source(string intent, string channel, string part)
    {
        var assembly = typeof(BuiltInTemplates).Assembly;
        foreach (var name in new[] { $"{intent}.{channel}.{part}", $"default.{channel}.{part}" })
        {
            if (Read(assembly, name) is { } source)
                return source;
        }
        return "";
    }

    /// <summary>The key of the override for one intent, channel, locale and part, as the composer reads it.</summary>
    public static string Key(string intent, string channel, string locale, string part) => $"{intent}.{channel}.{locale}.{part}".ToLowerInvariant();

    private static string? Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(Prefix + name + ".liquid");
        if (stream is null)
            return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
