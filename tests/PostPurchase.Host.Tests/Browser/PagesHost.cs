using PostPurchase.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using PostPurchase.Core.Messages;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Http;

namespace PostPurchase.Host.Tests.Browser;

/// <summary>The real Host on Kestrel (loopback, free port) against a real Azurite, with the simulated clock, a shop webhook receiver and headless Chromium.</summary>
public sealed class PagesHost : IAsyncLifetime
{
    public const string ApiKey = "pages-test-api-key-0123456789";
    public const string PoisonReason = "poison-for-dashboard-test";
    public const string WebhookSecret = "pages-test-webhook-secret-0123";

    /// <summary>What the shop recommends with the serum.</summary>
    public static readonly Core.Growth.RecommendedProduct Recommended = new() { Sku = "MASK-50", Name = "Overnight mask 50 ml", Url = "https://shop.example/p/mask-50" };
    private LoopbackHost? _host;
    private IPlaywright? _playwright;

    public AzuriteServer Azurite { get; } = new();

    public WebhookReceiver Shop { get; } = new();

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _host!.Services;

    public SimulatedClock Clock => Services.GetRequiredService<SimulatedClock>();

    public IOrderWorkflows Workflows => Services.GetRequiredService<IOrderWorkflows>();

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["PostPurchase:Storage"] = Azurite.ConnectionString,
            ["PostPurchase:ApiKey"] = ApiKey,
            ["PostPurchase:SigningKey"] = "pages-test-signing-key-0123456789",
            ["PostPurchase:Clock"] = "Simulated",
            ["PostPurchase:Branding:ShopName"] = "Tulip & Co",
            ["PostPurchase:Webhooks:Endpoints:0:Url"] = Shop.Url,
            ["PostPurchase:Webhooks:Endpoints:0:Secret"] = WebhookSecret,
            ["PostPurchase:Pages:PageRequestsPerMinute"] = "10000",
            ["PostPurchase:Pages:ActionsPerMinute"] = "10000",
            // A complement of the serum only: the other page tests use other products and see no recommendation.
            ["PostPurchase:Policy:Growth:Recommendations:BySku:SERUM-30:0:Sku"] = Recommended.Sku,
            ["PostPurchase:Policy:Growth:Recommendations:BySku:SERUM-30:0:Name"] = Recommended.Name,
            ["PostPurchase:Policy:Growth:Recommendations:BySku:SERUM-30:0:Url"] = Recommended.Url,
        };

        // Fault injection for the dashboard's poison view: one marked input always fails; everything else is the real decider.
        _host = LoopbackHost.Start("Development", settings, services => services.AddSingleton(sp =>
        {
            var composer = sp.GetRequiredService<MessageComposer>();
            var links = sp.GetRequiredService<CustomerLinks>();
            return new EngineOptions
            {
                Policy = sp.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.Policy,
                Render = (message, state) => composer.Compose(message, state, links.For(state.Order.OrderId)),
                InputRetryDelay = TimeSpan.Zero,
                MaxInputAttempts = 2,
                Decide = (state, input, now, policy) => input is OrderCancelled { Reason: PoisonReason }
                    ? throw new InvalidOperationException("Simulated fault: this input cannot be applied.")
                    : OrderTimeline.Decide(state, input, now, policy),
            };
        }));
        BaseUrl = _host.BaseAddress.ToString().TrimEnd('/').Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await BrowserPage.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        Shop.Dispose();
        Azurite.Dispose();
    }

    /// <summary>Starts an order's timeline at the simulated now and runs what is due.</summary>
    public async Task<OrderSnapshot> PlaceAsync(Order order)
    {
        await Workflows.StartAsync(order, CancellationToken.None);
        await DrainAsync();
        return (await Workflows.GetAsync(order.OrderId, CancellationToken.None))!;
    }

    public async Task RaiseAsync(string orderId, TimelineInput input)
    {
        Assert.True(await Workflows.RaiseAsync(orderId, input, CancellationToken.None));
        await DrainAsync();
    }

    public Task DrainAsync() => Services.GetRequiredService<IWorkflowRuntime>().DrainAsync(CancellationToken.None);

    public async Task AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        await DrainAsync();
    }

    public async Task<OrderSnapshot> SnapshotAsync(string orderId) => (await Workflows.GetAsync(orderId, CancellationToken.None))!;

    public string TrackingUrl(string orderId) => $"{BaseUrl}/track/{Services.GetRequiredService<CustomerLinks>().CreateToken(orderId)}";
}

[CollectionDefinition(Name)]
public sealed class PagesHostCollection : ICollectionFixture<PagesHost>
{
    public const string Name = "PagesHost";
}
