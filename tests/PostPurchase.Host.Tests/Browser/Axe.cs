using System.Text.Json;
using Microsoft.Playwright;

namespace PostPurchase.Host.Tests.Browser;

/// <summary>Runs axe-core (from npm, no download at run time) on a page and lists its serious and critical violations.</summary>
internal static class Axe
{
    public static async Task<(IReadOnlyList<string> Serious, string All)> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Path = Path.Combine(Root(), "node_modules", "axe-core", "axe.min.js") });
        var json = await page.EvaluateAsync<string>("async () => JSON.stringify((await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, target: v.nodes.map(n => n.target.join(' ')).slice(0, 3) })))");
        using var result = JsonDocument.Parse(json);
        var serious = result.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => v.GetProperty("id").GetString()!)
            .ToList();
        return (serious, json);
    }

    private static string Root()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "package.json")))
            directory = directory.Parent;
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
