using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Studio;

/// <summary>Registers the studio's settings store for either runtime.</summary>
public static class StudioRegistration
{
    /// <summary>Adds <see cref="IStudioSettings"/> (one per process, so its cache is shared).</summary>
    public static IServiceCollection AddStudioSettings(this IServiceCollection services)
    {
        services.TryAddSingleton<SettingsStore>();
        services.TryAddSingleton<IStudioSettings>(sp => new StudioSettingsService(
            sp.GetRequiredService<SettingsStore>(), sp.GetRequiredService<IOptions<PostPurchaseOptions>>(), sp.GetRequiredService<TimeProvider>(), TimeProvider.System));
        return services;
    }
}
