using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Shops.Model;
using PostPurchase.Core.Shops.Shopify;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Infrastructure.Tests.Runtime;
using PostPurchase.Testing.Shops;

namespace PostPurchase.Infrastructure.Tests.Shops;

/// <summary>The shop intake and reconciliation over the embedded engine on Azurite, on a fake clock, with the platforms' APIs at local stubs.</summary>
internal sealed class ShopHarness : IAsyncDisposable
{
    public const string ShopifyToken = "shpat_reconcile_test";
    public const string WooKey = "ck_reconcile";
    public const string WooSecret = "cs_reconcile";
    public const string ShopwareId = "SWIARECONCILE";
    public const string ShopwareSecret = "sw-reconcile-secret";

    private readonly ServiceProvider _services;

    private ShopHarness(EngineHarness engine, ServiceProvider services)
    {
        Engine = engine;
        _services = services;
    }

    public EngineHarness Engine { get; }

    public FakeTimeProvider Time => Engine.Time;

    /// <summary>
    /// An engine, and the shop services over it (its storage, workflow port and tracking ingress), with the platforms' APIs at
    /// the stubs given; a platform without a stub is not configured.
    /// </summary>
    public static ShopHarness Create(string storage, FakeTimeProvider time, ShopifyAdminStub? shopify = null, WooCommerceRestStub? woo = null, ShopwareAdminStub? shopware = null)
    {
        var engine = EngineHarness.Create(storage, time: time);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(engine.Storage);
        services.AddSingleton(engine.Workflows);
        services.AddSingleton(engine.Ingress);
        services.AddOptions<PostPurchaseOptions>().Configure(o =>
        {
            o.Shops.Shopify = shopify is null ? new() : new() { AdminToken = ShopifyToken, ShopDomain = "nordic-goods.myshopify.com", ApiBaseUrl = shopify.Url };
            o.Shops.WooCommerce = woo is null ? new() : new() { StoreUrl = woo.Url, ConsumerKey = WooKey, ConsumerSecret = WooSecret };
            o.Shops.Shopware = shopware is null ? new() : new() { ShopUrl = shopware.Url, ClientId = ShopwareId, ClientSecret = ShopwareSecret };
        });
        services.AddShops();
        return new ShopHarness(engine, services.BuildServiceProvider());
    }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Applies an order as a verified webhook brings it (the handler reads the body the same way).</summary>
    public Task<ShopApplyResult> ApplyShopifyAsync(string topic, string json) =>
        ApplyAsync(ShopifyDeliveries.Read(topic, Encoding.UTF8.GetBytes(json)));

    public async Task<ShopApplyResult> ApplyAsync(ShopDelivery delivery)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShopIntake>().ApplyAsync(delivery, CancellationToken.None);
    }

    /// <summary>One reconciliation run, as the Host's loop and the Function App's timer start it.</summary>
    public async Task<IReadOnlyList<ReconcileRun>> ReconcileAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ShopReconciler>().RunAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Engine.DisposeAsync();
    }
}
