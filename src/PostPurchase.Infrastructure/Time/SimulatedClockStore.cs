using Azure.Data.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Time;

/// <summary>
/// Keeps the simulated time in storage (one row of the <c>Orders</c> table), so a restarted demo goes on from where it was
/// instead of jumping back to the wall clock: its timelines were decided against the stored time. Restored at start-up,
/// saved after every advance.
/// </summary>
internal sealed partial class SimulatedClockStore(SimulatedClock clock, StorageAccount storage, ILogger<SimulatedClockStore> logger) : IHostedService
{
    private static readonly TimeSpan StartupReadTimeout = TimeSpan.FromSeconds(10);

    private const string Partition = "~simulated-clock";
    private const string Row = "now";

    /// <summary>Moves the clock forward to the stored time when that is later than the clock; storage that does not answer is logged, not fatal.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(StartupReadTimeout);
        try
        {
            await storage.EnsureCreatedAsync(limit.Token).ConfigureAwait(false);
            var stored = await storage.Orders.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: limit.Token).ConfigureAwait(false);
            if (stored.HasValue && stored.Value!.GetDateTimeOffset("Now") is { } now && now > clock.GetUtcNow())
            {
                clock.Advance(now - clock.GetUtcNow());
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The host still starts (health reports the outage); the demo's clock starts from now instead of the stored time.
            LogRestoreFailed(ex);
        }
    }

    /// <summary>Stores the clock's current time.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var row = new TableEntity(Partition, Row) { ["Kind"] = "clock", ["Now"] = clock.GetUtcNow() };
        await storage.Orders.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stored simulated time could not be read; the simulated clock starts from the current time")]
    private partial void LogRestoreFailed(Exception exception);
}
