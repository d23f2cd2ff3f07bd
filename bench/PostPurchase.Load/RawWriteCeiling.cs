using System.Diagnostics;
using Azure.Data.Tables;

namespace PostPurchase.Load;

/// <summary>Azurite's raw single-entity upsert rate with 64 writers: the ceiling the engine's throughput is compared with.</summary>
internal static class RawWriteCeiling
{
    public static async Task<double> MeasureAsync(string connectionString, TimeSpan duration, int writers = 64)
    {
        var table = new TableClient(connectionString, "RawCeiling");
        await table.CreateIfNotExistsAsync();
        long writes = 0;
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            var payload = new string('x', 2_000);
            for (var i = 0; stopwatch.Elapsed < duration; i++)
            {
                await table.UpsertEntityAsync(new TableEntity($"w{writer}-{i}", "state") { ["State"] = payload });
                Interlocked.Increment(ref writes);
            }
        }));
        return writes / stopwatch.Elapsed.TotalSeconds;
    }
}
