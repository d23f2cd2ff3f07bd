using PostPurchase.Testing.Hostile;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// Every table's rows and every queue's messages of the case's storage account, counted after each request: growth after a
/// refused request is a row stored from it. After an accepted one the runtime may still be working, so the count is taken
/// again until it holds still, and that becomes the baseline.
/// </summary>
internal sealed class StorageWatch(string connectionString)
{
    private readonly StoredRows _rows = new(connectionString, prefix: "");
    private IReadOnlyDictionary<string, int> _baseline = new Dictionary<string, int>();

    /// <summary>Takes the first baseline once the runtime is idle.</summary>
    public async Task StartAsync() => _baseline = await SettleAsync();

    /// <summary>What grew since the baseline (the shop refusal log apart: refusals are written there on purpose, bounded); moves the baseline.</summary>
    public async Task<IReadOnlyList<(string Store, int Grown)>> AfterRefusalAsync()
    {
        var after = await _rows.CountAsync();
        var grown = after.Where(p => p.Key != StoredRows.RefusalLog && p.Value > _baseline.GetValueOrDefault(p.Key))
            .Select(p => (p.Key, p.Value - _baseline.GetValueOrDefault(p.Key))).ToList();
        _baseline = after;
        return grown;
    }

    /// <summary>After an accepted request: when it stored anything, waits until the counts stop changing; that is the new baseline.</summary>
    public async Task AfterAcceptanceAsync()
    {
        // Most accepted requests are pages that store nothing; one that did store may still have work queued behind it.
        var now = await _rows.CountAsync();
        _baseline = Same(now, _baseline) ? now : await SettleAsync();
    }

    /// <summary>The rows of the bounded shop refusal log.</summary>
    public int RefusalLog => _baseline.GetValueOrDefault(StoredRows.RefusalLog);

    private async Task<IReadOnlyDictionary<string, int>> SettleAsync()
    {
        var previous = await _rows.CountAsync();
        for (var i = 0; i < 40; i++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            var now = await _rows.CountAsync();
            if (Same(now, previous))
            {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    private static bool Same(IReadOnlyDictionary<string, int> one, IReadOnlyDictionary<string, int> other) =>
        one.Count == other.Count && one.All(p => other.GetValueOrDefault(p.Key, -1) == p.Value);
}
