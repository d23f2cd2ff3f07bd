using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Studio;

namespace PostPurchase.Testing;

/// <summary>An in-memory <see cref="IStudioSettings"/> for tests that do not exercise storage: validates and versions like the real one.</summary>
public sealed class MemoryStudioSettings(StudioSettings? defaults = null) : IStudioSettings
{
    private readonly List<StoredSettings> _versions = [new(0, (defaults ?? new StudioSettings()).Normalized(), "configuration", null, "The configuration file's settings")];

    public ValueTask<LiveSettings> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(new LiveSettings(_versions[^1]));

    public Task<StoredSettings?> GetAsync(int version, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.FirstOrDefault(v => v.Version == version));

    public Task<IReadOnlyList<StoredSettings>> HistoryAsync(int take, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredSettings>>(_versions.AsEnumerable().Reverse().Take(take).ToList());

    public Task<SaveOutcome> SaveAsync(StudioSettings settings, string savedBy, string note, int? basedOn, CancellationToken cancellationToken)
    {
        var errors = StudioValidator.Validate(settings);
        if (errors.Count > 0)
            return Task.FromResult(new SaveOutcome(null, errors));
        if (basedOn is { } based && based != _versions[^1].Version)
            return Task.FromResult(new SaveOutcome(null, [], ConflictWith: _versions[^1].Version));
        var stored = new StoredSettings(_versions[^1].Version + 1, settings.Normalized(), savedBy, null, note);
        _versions.Add(stored);
        return Task.FromResult(new SaveOutcome(stored, []));
    }

    public async Task<SaveOutcome> RevertAsync(int version, string savedBy, CancellationToken cancellationToken) =>
        await GetAsync(version, cancellationToken) is { } target
            ? await SaveAsync(target.Settings, savedBy, $"Reverted to version {version}", null, cancellationToken)
            : new SaveOutcome(null, [new SettingsError("version", $"There is no version {version}.")]);
}
