using Microsoft.Playwright;

namespace PostPurchase.Host.Tests.Browser;

/// <summary>A fresh browser context and page that blocks and records every request leaving loopback.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly List<string> _external = [];

    private BrowserPage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
    }

    public IPage Page { get; }

    /// <summary>Requests to anything but 127.0.0.1 (blocked, so the page must work offline).</summary>
    public IReadOnlyList<string> ExternalRequests
    {
        get { lock (_external) { return _external.ToList(); } }
    }

    /// <summary>Headless Chromium from the OS package (no browser is downloaded), without background traffic.</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

    public static Task<BrowserPage> OpenAsync(PagesHost host, int width = 1280, int height = 900) =>
        OpenAsync(host.Browser, host.BaseUrl, width, height);

    /// <summary>A page of <paramref name="browser"/> whose relative URLs go to <paramref name="baseUrl"/>.</summary>
    /// <param name="bypassCsp">Lets a test inject a checker script (axe-core) that the pages' Content-Security-Policy would refuse.</param>
    public static async Task<BrowserPage> OpenAsync(IBrowser browser, string baseUrl, int width = 1280, int height = 900, bool bypassCsp = false)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = baseUrl, BypassCSP = bypassCsp });
        var page = await context.NewPageAsync();
        var browserPage = new BrowserPage(context, page);
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.Scheme is "data" or "about" || url.Host == "127.0.0.1")
            {
                await route.ContinueAsync();
                return;
            }
            lock (browserPage._external)
            {
                browserPage._external.Add(route.Request.Url);
            }
            await route.AbortAsync();
        });
        return browserPage;
    }

    /// <summary>Saves a full-page screenshot under artifacts/screenshots at the repository root.</summary>
    public async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await _context.CloseAsync();

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "package.json")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }
}
