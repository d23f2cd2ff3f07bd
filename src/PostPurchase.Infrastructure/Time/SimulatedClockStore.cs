using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Time;

/// <summary>
/// Keeps the simulated time in storage (one row of the <c>Orders</c> table), so a restarted demo goes on from where it was
/// instead of jumping back to the wall clock: its timelines were decided against the stored time. Restored at start-up,
/// saved after every advance.
/// </summary>
internal sealed class SimulatedClockStore(SimulatedClock clock, StorageAccount storage) : IHostedService
{
    private const string Partition = "~simulated-clock";
    private const string Row = "now";

    /// <summary>Moves the clock forward to the stored time when that is later than the clock.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var stored = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (stored.HasValue && stored.Value!.GetDateTimeOffset("Now") is { } now && now > clock.GetUtcNow())
        {
            clock.Advance(now - clock.GetUtcNow());
        }
    }

    /// <summary>Stores the clock's current time.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, Row) { ["Kind"] = "clock", ["Now"] = clock.GetUtcNow() };
        await storage.Orders.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
