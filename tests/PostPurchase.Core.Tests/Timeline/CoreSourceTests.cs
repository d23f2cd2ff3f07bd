namespace PostPurchase.Core.Tests.Timeline;

public class CoreSourceTests
{
    private static readonly string[] Forbidden =
        ["DateTime.Now", "DateTime.UtcNow", "DateTime.Today", "DateTimeOffset.Now", "DateTimeOffset.UtcNow", "TimeProvider.System", "Guid.NewGuid", "new Random("];

    [Fact]
    public void CoreSources_NeverReadTheClockOrRandomness()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "PostPurchase.sln")))
        {
            root = root.Parent;
        }
        Assert.NotNull(root);
        var sources = Directory.EnumerateFiles(Path.Combine(root.FullName, "src", "PostPurchase.Core"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.Contains(sources, f => f.EndsWith("OrderTimeline.cs", StringComparison.Ordinal));

        var offending = sources.SelectMany(f => Forbidden.Where(File.ReadAllText(f).Contains).Select(token => $"{Path.GetFileName(f)}: {token}")).ToList();

        Assert.Empty(offending);
    }
}
