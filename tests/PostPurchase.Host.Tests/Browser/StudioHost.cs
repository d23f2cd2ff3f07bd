using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Browser;

/// <summary>The real Host exactly as composed in production (no engine overrides) on Azurite with the simulated clock, and headless Chromium, for the studio.</summary>
public sealed class StudioHost : IAsyncLifetime
{
    public const string ApiKey = "studio-test-api-key-0123456789";
    public const int TestSendsPerHour = 2;
    private LoopbackHost? _host;
    private IPlaywright? _playwright;

    public AzuriteServer Azurite { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public SimulatedClock Clock => Services.GetRequiredService<SimulatedClock>();

    public IOrderWorkflows Workflows => Services.GetRequiredService<IOrderWorkflows>();

    public IStudioSettings Studio => Services.GetRequiredService<IStudioSettings>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["PostPurchase:Storage"] = Azurite.ConnectionString,
            ["PostPurchase:ApiKey"] = ApiKey,
            ["PostPurchase:SigningKey"] = "studio-test-signing-key-0123456789",
            ["PostPurchase:Clock"] = "Simulated",
            ["PostPurchase:Branding:ShopName"] = "Tulip & Co",
            ["PostPurchase:Studio:TestSendsPerHour"] = TestSendsPerHour.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        _host = LoopbackHost.Start("Development", settings, null);
        BaseUrl = _host.BaseAddress.ToString().TrimEnd('/').Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserPage.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.CloseAsync();
        _playwright?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
        Azurite.Dispose();
    }

    /// <summary>A browser page signed in to the dashboard (the key in the first URL sets the sign-in cookie).</summary>
    public async Task<BrowserPage> SignedInAsync(string path)
    {
        var browser = await BrowserPage.OpenAsync(Browser, BaseUrl);
        await browser.Page.GotoAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={ApiKey}");
        return browser;
    }

    /// <summary>Places a Dutch order with SMS consent and one parcel, and moves it to its first scan (the shipped messages).</summary>
    public async Task<Order> ShippedAsync(OrderBuilder builder)
    {
        var now = Clock.GetUtcNow();
        var tracking = Some.TrackingNumber();
        var order = builder.PlacedAt(now).For(Some.Customer("nl")).WithShipment("postnl", tracking).Build();
        await Workflows.StartAsync(order, CancellationToken.None);
        await DrainAsync();
        Assert.True(await Workflows.RaiseAsync(order.OrderId, new TrackingUpdated(
            new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", now.AddMinutes(30), "Sorted", "Utrecht")), CancellationToken.None));
        await DrainAsync();
        return order;
    }

    public async Task DeliverAsync(Order order, DateTimeOffset at)
    {
        var tracking = order.Shipments.Single().TrackingNumber;
        Assert.True(await Workflows.RaiseAsync(order.OrderId, new TrackingUpdated(
            new TrackingEvent("generic", Some.EventId(), "postnl", tracking, TrackingStatus.Delivered, "delivered", at, "Delivered", "Amsterdam")), CancellationToken.None));
        await DrainAsync();
    }

    /// <summary>A client that keeps cookies and does not follow redirects, signed in once <see cref="FormTokenAsync"/> ran.</summary>
    public HttpClient Client() =>
        new(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };

    /// <summary>Opens <paramref name="path"/> with the API key (which signs in) and returns the page's anti-forgery token.</summary>
    public async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={ApiKey}");
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__af\" value=\"([^\"]+)\"");
        Assert.True(match.Success, "the page has an anti-forgery field");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public Task DrainAsync() => Services.GetRequiredService<IWorkflowRuntime>().DrainAsync(CancellationToken.None);

    public async Task<OrderSnapshot> SnapshotAsync(string orderId) => (await Workflows.GetAsync(orderId, CancellationToken.None))!;
}

[CollectionDefinition(Name)]
public sealed class StudioHostCollection : ICollectionFixture<StudioHost>
{
    public const string Name = "StudioHost";
}
