using Microsoft.Extensions.Options;
using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Studio;

/// <summary><see cref="IStudioSettings"/> over <see cref="SettingsStore"/>, with the version in force cached per process.</summary>
/// <remarks>
/// Freshness is measured on <paramref name="refreshClock"/> (real time in production): the simulated clock of a demo
/// may stand still for minutes, and a version saved by the other runtime must still arrive.
/// </remarks>
internal sealed class StudioSettingsService(SettingsStore store, IOptions<PostPurchaseOptions> options, TimeProvider time, TimeProvider refreshClock) : IStudioSettings
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _refresh = TimeSpan.FromSeconds(Math.Max(0, options.Value.Studio.RefreshSeconds));
    private volatile LiveSettings? _live;
    private long _checkedAt;

    /// <summary>Version 0: what the configuration file says.</summary>
    public StoredSettings Defaults { get; } = new(0, StudioDefaults.From(options.Value), "configuration", null, "The configuration file's settings");

    public async ValueTask<LiveSettings> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_live is { } live && !Stale())
            return live;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_live is { } checkedMeanwhile && !Stale())
                return checkedMeanwhile;
            var (version, _) = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
            if (_live?.Version != version)
                _live = new LiveSettings(await GetAsync(version, cancellationToken).ConfigureAwait(false) ?? Defaults);
            Interlocked.Exchange(ref _checkedAt, refreshClock.GetTimestamp());
            return _live;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<StoredSettings?> GetAsync(int version, CancellationToken cancellationToken) =>
        version == 0 ? Task.FromResult<StoredSettings?>(Defaults) : store.GetAsync(version, cancellationToken);

    public async Task<IReadOnlyList<StoredSettings>> HistoryAsync(int take, CancellationToken cancellationToken)
    {
        var saved = await store.ListAsync(take, cancellationToken).ConfigureAwait(false);
        return saved.Count < take ? [.. saved, Defaults] : saved;
    }

    public async Task<SaveOutcome> SaveAsync(StudioSettings settings, string savedBy, string note, int? basedOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var document = settings.Normalized();
        var errors = StudioValidator.Validate(document);
        if (errors.Count > 0)
            return new SaveOutcome(null, errors);
        var (current, etag) = await store.CurrentAsync(cancellationToken).ConfigureAwait(false);
        if (basedOn is { } based && based != current)
            return new SaveOutcome(null, [], ConflictWith: current);
        var previous = await GetAsync(current, cancellationToken).ConfigureAwait(false) ?? Defaults;
        if (SettingsDiff.Between(previous.Settings, document).Count == 0)
            return new SaveOutcome(previous, [], Changed: false);
        var stored = new StoredSettings(current + 1, document, savedBy, time.GetUtcNow(), note);
        if (!await store.TryAppendAsync(stored, etag, cancellationToken).ConfigureAwait(false))
            return new SaveOutcome(null, [], ConflictWith: (await store.CurrentAsync(cancellationToken).ConfigureAwait(false)).Version);
        _live = new LiveSettings(stored);
        Interlocked.Exchange(ref _checkedAt, refreshClock.GetTimestamp());
        return new SaveOutcome(stored, []);
    }

    public async Task<SaveOutcome> RevertAsync(int version, string savedBy, CancellationToken cancellationToken)
    {
        var target = await GetAsync(version, cancellationToken).ConfigureAwait(false);
        return target is null
            ? new SaveOutcome(null, [new SettingsError("version", $"There is no version {version}.")])
            : await SaveAsync(target.Settings, savedBy, $"Reverted to version {version}", null, cancellationToken).ConfigureAwait(false);
    }

    private bool Stale() => refreshClock.GetElapsedTime(Interlocked.Read(ref _checkedAt)) >= _refresh;
}
