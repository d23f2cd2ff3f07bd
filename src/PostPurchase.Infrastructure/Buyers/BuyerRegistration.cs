using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>Registers the buyer profiles across orders; the caller provides <see cref="Storage.StorageAccount"/>.</summary>
public static class BuyerRegistration
{
    /// <summary>Adds <see cref="IBuyerProfiles"/> on Table Storage, keyed with hashes derived from the signing key (read when first needed).</summary>
    public static IServiceCollection AddBuyerProfiles(this IServiceCollection services, Func<string> signingKey)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(signingKey);
        services.TryAddSingleton(_ => new BuyerKeys(signingKey()));
        services.TryAddSingleton<BuyerProfileRows>();
        services.TryAddSingleton<ReferralCodePool>();
        services.TryAddSingleton<IBuyerProfiles, TableBuyerProfiles>();
        return services;
    }
}
