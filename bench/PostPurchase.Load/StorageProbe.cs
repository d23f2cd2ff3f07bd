using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;

namespace PostPurchase.Load;

/// <summary>
/// Azurite's own answer time during a run: one single-entity upsert every 100 ms on a table of its own, outside the engine's
/// request counter. The engine's tails cannot be shorter than the emulator's.
/// </summary>
internal sealed class StorageProbe : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _probing;

    private StorageProbe(TableClient table) => _probing = Task.Run(() => ProbeAsync(table));

    /// <summary>Upsert times in milliseconds.</summary>
    public Percentiles Latency { get; } = new();

    public static async Task<StorageProbe> StartAsync(string connectionString)
    {
        var table = new TableClient(connectionString, "LatencyProbe");
        await table.CreateIfNotExistsAsync();
        return new StorageProbe(table);
    }

    /// <summary>Stops probing; <see cref="Latency"/> then holds the whole run.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _probing;
        _stop.Dispose();
    }

    private async Task ProbeAsync(TableClient table)
    {
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            var sent = Stopwatch.GetTimestamp();
            await table.UpsertEntityAsync(new TableEntity("probe", (i % 100).ToString(CultureInfo.InvariantCulture)));
            Latency.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            await Task.Delay(100, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
