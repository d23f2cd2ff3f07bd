using Microsoft.Azure.Functions.Worker;
using PostPurchase.Core.Policies;
using PostPurchase.Infrastructure.Studio;

namespace PostPurchase.Functions.Timeline;

/// <summary>The studio settings version in force, when it differs from the one an orchestration knows.</summary>
/// <param name="Policy">The newer version's policy; null when the orchestration's version is still current.</param>
public sealed record SettingsRefresh(TimelinePolicy? Policy);

/// <summary>Reads the merchant studio's settings for the orchestrator, which may not do I/O itself.</summary>
public sealed class SettingsActivities(IStudioSettings studio)
{
    /// <summary>The policy in force when its version is not <paramref name="knownVersion"/> (null = the configuration file's).</summary>
    /// <remarks>The answer is recorded in the orchestration's history, so a replay decides with the very same version.</remarks>
    [Function(nameof(LoadSettings))]
    public async Task<SettingsRefresh> LoadSettings([ActivityTrigger] int? knownVersion, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var live = await studio.CurrentAsync(context.CancellationToken);
        return new SettingsRefresh(live.Policy.SettingsVersion == knownVersion ? null : live.Policy);
    }
}
