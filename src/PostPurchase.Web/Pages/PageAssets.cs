using System.Collections.Frozen;
using System.Reflection;

namespace PostPurchase.Web.Pages;

/// <summary>The pages' stylesheet and script, embedded so both runtimes serve the same files without a CDN.</summary>
public static class PageAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Files = new Dictionary<string, (byte[], string)>
    {
        ["pages.css"] = (Read("pages.css"), "text/css; charset=utf-8"),
        ["pages.js"] = (Read("pages.js"), "text/javascript; charset=utf-8"),
        ["studio.js"] = (Read("studio.js"), "text/javascript; charset=utf-8"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The asset named <paramref name="name"/> (e.g. "pages.css"), or false.</summary>
    public static bool TryGet(string name, out byte[] content, out string contentType)
    {
        if (Files.TryGetValue(name, out var file))
        {
            (content, contentType) = file;
            return true;
        }
        (content, contentType) = ([], "");
        return false;
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"PostPurchase.Web.Pages.Assets.{name}")
            ?? throw new InvalidOperationException($"The embedded page asset {name} is missing.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
