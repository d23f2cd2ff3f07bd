using Microsoft.Playwright;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing.Azurite;
using PostPurchase.Testing.Http;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Web.Tests.Browser;

/// <summary>
/// One runtime serving the pages on loopback, against a real Azurite, with a shop webhook receiver, the three shop platforms
/// connected (their APIs at local stubs) and headless Chromium.
/// </summary>
/// <remarks>Real time: the simulated clock is the self-hosted runtime's alone, so tests that need it stay with the Host's own suite.</remarks>
public abstract class PagesApp : IAsyncLifetime
{
    public const string ApiKey = "pages-both-hosts-api-key-0123456789";
    public const string SigningKey = "pages-both-hosts-signing-key-0123456789";
    public const string WebhookSecret = "pages-both-hosts-webhook-secret-0123";
    public const string ShopifyToken = "shpat_both_hosts_token";
    public const string WooKey = "ck_both_hosts";
    public const string WooSecret = "cs_both_hosts";
    public const string ShopwareClientId = "SWIABOTHHOSTS";
    public const string ShopwareClientSecret = "sw-both-hosts-secret";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);
    private IPlaywright? _playwright;

    public AzuriteServer Azurite { get; } = new();

    public WebhookReceiver Shop { get; } = new();

    public ShopifyAdminStub ShopifyAdmin { get; } = new(ShopifyToken);

    public WooCommerceRestStub WooCommerceRest { get; } = new(WooKey, WooSecret);

    public ShopwareAdminStub ShopwareAdmin { get; } = new(ShopwareClientId, ShopwareClientSecret);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The name tests print for this runtime.</summary>
    public abstract string Runtime { get; }

    /// <summary>The app's services (the root provider).</summary>
    protected abstract IServiceProvider Services { get; }

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["PostPurchase:Storage"] = Azurite.ConnectionString,
            ["PostPurchase:ApiKey"] = ApiKey,
            ["PostPurchase:SigningKey"] = SigningKey,
            ["PostPurchase:Clock"] = "System",
            ["PostPurchase:Branding:ShopName"] = "Tulip & Co",
            ["PostPurchase:Webhooks:Endpoints:0:Url"] = Shop.Url,
            ["PostPurchase:Webhooks:Endpoints:0:Secret"] = WebhookSecret,
            ["PostPurchase:Pages:PageRequestsPerMinute"] = "10000",
            ["PostPurchase:Pages:ActionsPerMinute"] = "10000",
            ["PostPurchase:Shops:Shopify:WebhookSecret"] = ShopSamples.ShopifySecret,
            ["PostPurchase:Shops:Shopify:AdminToken"] = ShopifyToken,
            ["PostPurchase:Shops:Shopify:ShopDomain"] = "nordic-goods.myshopify.com",
            ["PostPurchase:Shops:Shopify:ApiBaseUrl"] = ShopifyAdmin.Url,
            ["PostPurchase:Shops:WooCommerce:WebhookSecret"] = ShopSamples.WooSecret,
            ["PostPurchase:Shops:WooCommerce:StoreUrl"] = WooCommerceRest.Url,
            ["PostPurchase:Shops:WooCommerce:ConsumerKey"] = WooKey,
            ["PostPurchase:Shops:WooCommerce:ConsumerSecret"] = WooSecret,
            ["PostPurchase:Shops:Shopware:ShopSecret"] = ShopSamples.ShopwareSecret,
            ["PostPurchase:Shops:Shopware:ShopUrl"] = ShopwareAdmin.Url,
            ["PostPurchase:Shops:Shopware:ClientId"] = ShopwareClientId,
            ["PostPurchase:Shops:Shopware:ClientSecret"] = ShopwareClientSecret,
            // Tests run reconciliation themselves; the Host's loop runs only its start-up pass.
            ["PostPurchase:Shops:ReconcileEvery"] = "1.00:00:00",
        };
        var address = await StartAsync(settings);
        BaseUrl = address.ToString().TrimEnd('/').Replace("localhost", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        await StopAsync();
        Shop.Dispose();
        ShopifyAdmin.Dispose();
        WooCommerceRest.Dispose();
        ShopwareAdmin.Dispose();
        Azurite.Dispose();
    }

    /// <summary>Starts the order's timeline and waits until its read model shows it.</summary>
    public async Task PlaceAsync(Order order)
    {
        await UseWorkflowsAsync(w => w.StartAsync(order, CancellationToken.None));
        await WaitForAsync(order.OrderId, "the order's timeline to start", _ => true);
    }

    /// <summary>Hands <paramref name="input"/> to the order's timeline, as intake or a carrier webhook would.</summary>
    public async Task RaiseAsync(string orderId, TimelineInput input) =>
        Assert.True(await UseWorkflowsAsync(w => w.RaiseAsync(orderId, input, CancellationToken.None)), $"{Runtime}: the timeline of {orderId} took the {input.GetType().Name}");

    /// <summary>Waits until the order's read model satisfies <paramref name="condition"/>; fails naming <paramref name="what"/>.</summary>
    public async Task<OrderSnapshot> WaitForAsync(string orderId, string what, Func<OrderSnapshot, bool> condition)
    {
        using var patience = new CancellationTokenSource(Patience);
        while (!patience.IsCancellationRequested)
        {
            if (await UseWorkflowsAsync(w => w.GetAsync(orderId, CancellationToken.None)) is { } snapshot && condition(snapshot))
            {
                return snapshot;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None);
        }
        throw new TimeoutException($"{Runtime}: still waiting after {Patience.TotalSeconds} s for {what} of {orderId}.");
    }

    /// <summary>The order's read model, or null when the runtime has no timeline for it.</summary>
    public Task<OrderSnapshot?> FindAsync(string orderId) => UseWorkflowsAsync(w => w.GetAsync(orderId, CancellationToken.None));

    /// <summary>True when the shop intake keeps a record of the order.</summary>
    internal async Task<bool> HasShopRecordAsync(string orderId)
    {
        var store = (ShopStore)Services.GetService(typeof(ShopStore))!;
        await store.EnsureCreatedAsync(CancellationToken.None);
        return (await store.LoadAsync(orderId, CancellationToken.None)).Record is not null;
    }

    public string TrackingUrl(string orderId) => $"{BaseUrl}/track/{((CustomerLinks)Services.GetService(typeof(CustomerLinks))!).CreateToken(orderId)}";

    public override string ToString() => Runtime;

    /// <summary>One reconciliation of the shops (the Host's loop body, the Function App's timer function), finished.</summary>
    public abstract Task ReconcileShopsAsync();

    /// <summary>Starts the runtime with <paramref name="settings"/> on a free loopback port; returns its address.</summary>
    protected abstract Task<Uri> StartAsync(IReadOnlyDictionary<string, string> settings);

    protected abstract Task StopAsync();

    /// <summary>Runs <paramref name="use"/> on the runtime's workflow port, as one request would.</summary>
    protected abstract Task<T> UseWorkflowsAsync<T>(Func<IOrderWorkflows, Task<T>> use);
}
