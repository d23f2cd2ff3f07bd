using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>Registers the shop intake, its tables, the platform API clients and the reconciliation, for either runtime.</summary>
public static class ShopRegistration
{
    /// <summary>The API clients' timeout: a platform that does not answer in time is retried by the next delivery or run.</summary>
    private static readonly TimeSpan ApiTimeout = TimeSpan.FromSeconds(20);

    /// <summary>Adds the shop services; <see cref="ShopIntake"/> and <see cref="ShopReconciler"/> are scoped, as the workflow port they drive is.</summary>
    public static IServiceCollection AddShops(this IServiceCollection services)
    {
        services.TryAddSingleton<ShopStore>();
        services.AddHttpClient<ShopifyAdmin>(c => c.Timeout = ApiTimeout);
        services.AddHttpClient<WooCommerceApi>(c => c.Timeout = ApiTimeout);
        services.AddHttpClient<ShopwareAdmin>(c => c.Timeout = ApiTimeout);
        // The Shopware token is reused across requests: one client per process.
        services.RemoveAll<ShopwareAdmin>();
        services.AddSingleton(sp => new ShopwareAdmin(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(ShopwareAdmin)),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Configuration.PostPurchaseOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddScoped<ShopIntake>();
        services.TryAddScoped<ShopReconciler>();
        return services;
    }

    /// <summary>Adds the self-hosted runtime's reconciliation loop (the Function App runs a timer function instead).</summary>
    public static IServiceCollection AddShopReconciliationLoop(this IServiceCollection services) =>
        services.AddHostedService<ShopReconciliationLoop>();
}
