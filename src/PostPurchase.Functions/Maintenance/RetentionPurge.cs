using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Maintenance;

/// <summary>
/// Deletes ended timelines older than the retention (<c>PostPurchase:Durable:RetentionDays</c>): first the order's rows
/// (personal data), then its orchestration history. Idempotent: an order interrupted between the two is found again next run.
/// </summary>
public sealed partial class RetentionPurge(
    IEnumerable<IOrderDataEraser> erasers,
    IOptions<DurableTimelineOptions> durable,
    TimeProvider time,
    ILogger<RetentionPurge> logger)
{
    /// <summary>Daily at 03:30 UTC.</summary>
    [Function(nameof(PurgeExpiredTimelines))]
    public async Task PurgeExpiredTimelines(
        [TimerTrigger("0 30 3 * * *")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(context);
        var options = durable.Value;
        if (options.RetentionDays < 1)
        {
            throw new InvalidOperationException("PostPurchase:Durable:RetentionDays must be at least 1.");
        }
        var eraser = erasers.LastOrDefault();
        if (eraser is null)
        {
            LogNoEraser(logger);
            return;
        }
        var cutoff = time.GetUtcNow().AddDays(-options.RetentionDays);
        var query = new OrchestrationQuery(
            CreatedTo: cutoff,
            Statuses: [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Terminated, OrchestrationRuntimeStatus.Failed],
            InstanceIdPrefix: OrderInstance.Prefix);
        var ended = new List<string>();
        await foreach (var instance in client.GetAllInstancesAsync(query).WithCancellation(context.CancellationToken))
        {
            ended.Add(instance.InstanceId);
            if (ended.Count >= options.MaxInstancesPerRun)
            {
                break;
            }
        }
        // Collected first: deleting while paging would move the continuation token under the query.
        var purged = 0;
        foreach (var instanceId in ended)
        {
            if (OrderInstance.TryGetOrderId(instanceId, out var orderId))
            {
                await eraser.EraseAsync(orderId, context.CancellationToken);
            }
            purged += (await client.PurgeInstanceAsync(instanceId, context.CancellationToken)).PurgedInstanceCount;
        }
        LogPurged(logger, purged, ended.Count, cutoff, timer?.IsPastDue ?? false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention purge skipped: no IOrderDataEraser is registered, so order rows could not be deleted; nothing was purged")]
    private static partial void LogNoEraser(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge: {Purged} of {Found} timelines that ended before {Cutoff} deleted (past due: {PastDue})")]
    private static partial void LogPurged(ILogger logger, int purged, int found, DateTimeOffset cutoff, bool pastDue);
}
