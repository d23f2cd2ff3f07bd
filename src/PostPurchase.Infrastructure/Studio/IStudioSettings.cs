using PostPurchase.Core.Studio;

namespace PostPurchase.Infrastructure.Studio;

/// <summary>The merchant studio's versioned settings in Table Storage, the same for both runtimes; the configuration file is version 0.</summary>
public interface IStudioSettings
{
    /// <summary>The version in force (cached for <c>PostPurchase:Studio:RefreshSeconds</c>; a save in this process is seen at once).</summary>
    ValueTask<LiveSettings> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>One version (0 = the configuration file), or null when it was never saved.</summary>
    Task<StoredSettings?> GetAsync(int version, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="take"/> versions, newest first, version 0 last when reached.</summary>
    Task<IReadOnlyList<StoredSettings>> HistoryAsync(int take, CancellationToken cancellationToken);

    /// <summary>Validates and saves <paramref name="settings"/> as the next version; refused documents and conflicts save nothing.</summary>
    /// <param name="basedOn">The version the editor started from; when another version was saved since, the save is refused as a conflict. Null: no check.</param>
    Task<SaveOutcome> SaveAsync(StudioSettings settings, string savedBy, string note, int? basedOn, CancellationToken cancellationToken);

    /// <summary>Saves version <paramref name="version"/>'s document again as the next version (history is never rewritten).</summary>
    Task<SaveOutcome> RevertAsync(int version, string savedBy, CancellationToken cancellationToken);
}
