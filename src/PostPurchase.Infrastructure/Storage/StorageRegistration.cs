using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Registers the one place storage clients come from.</summary>
public static class StorageRegistration
{
    /// <summary>
    /// Adds <see cref="StorageConnection"/> (read from <c>PostPurchase:Storage</c>, else <c>AzureWebJobsStorage</c>, when first
    /// resolved) and <see cref="StorageClientFactory"/>; every table, queue and blob client PostPurchase makes comes from it.
    /// </summary>
    public static IServiceCollection AddStorageClients(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(sp => StorageConnection.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        services.TryAddSingleton<StorageClientFactory>();
        return services;
    }
}
