using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// Tells apart, for the Function App's unfinished orders, an acknowledged input that is lost from one that is stuck: it reads
/// the Durable Task hub's own storage (the instance row, the history of every execution and the control queues) once the
/// runtime is stopped, and writes what each order's orchestration holds to a report beside the logs.
/// </summary>
internal static class DurableInspector
{
    private const string Hub = "PostPurchase";

    /// <summary>Writes the report to <paramref name="path"/> and returns one summary line per order.</summary>
    public static async Task<IReadOnlyList<string>> DescribeAsync(string connectionString, IReadOnlyList<OrderTrace> unfinished, string path, CancellationToken cancellationToken)
    {
        var queued = await QueuedAsync(connectionString, cancellationToken);
        var instances = new TableClient(connectionString, Hub + "Instances");
        var history = new TableClient(connectionString, Hub + "History");
        var report = new StringBuilder();
        var lines = new List<string>();
        foreach (var trace in unfinished)
        {
            var instanceId = "order-" + trace.OrderId;
            var row = await instances.GetEntityIfExistsAsync<TableEntity>(instanceId, "", cancellationToken: cancellationToken);
            var status = row.HasValue ? $"{row.Value!.GetString("RuntimeStatus")} (updated {row.Value.GetDateTimeOffset("LastUpdatedTime"):HH:mm:ss}, execution {row.Value.GetString("ExecutionId")})" : "no instance row";
            var events = new List<string>();
            await foreach (var item in history.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: cancellationToken))
            {
                var type = item.GetString("EventType");
                if (type is "EventRaised" or "ExecutionStarted" or "ExecutionCompleted" or "ContinueAsNew" or "ExecutionTerminated")
                {
                    events.Add($"{item.GetString("ExecutionId")?[..8]} {item.RowKey} {type} {Brief(item.GetString("Input") ?? item.GetString("Result"))}");
                }
            }
            var waiting = queued.GetValueOrDefault(instanceId) ?? [];
            report.AppendLine($"{trace.OrderId}: acknowledged {string.Join(", ", trace.Acked.Order())}; instance {status}");
            report.AppendLine($"  history ({events.Count}):");
            events.ForEach(e => report.AppendLine("    " + e));
            report.AppendLine($"  still queued ({waiting.Count}):");
            waiting.ForEach(q => report.AppendLine("    " + q));
            lines.Add($"{trace.OrderId}: {status}; {events.Count(e => e.Contains(" EventRaised ", StringComparison.Ordinal))} inputs in history, {waiting.Count} queued");
        }
        await File.WriteAllTextAsync(path, report.ToString(), cancellationToken);
        return lines;
    }

    /// <summary>Every message left in the hub's control queues, by the instance it is for (received with a long lease: the runtime is stopped).</summary>
    private static async Task<Dictionary<string, List<string>>> QueuedAsync(string connectionString, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var service = new QueueServiceClient(connectionString);
        await foreach (var queue in service.GetQueuesAsync(prefix: Hub.ToLowerInvariant() + "-control", cancellationToken: cancellationToken))
        {
            var client = service.GetQueueClient(queue.Name);
            while (true)
            {
                var batch = (await client.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value;
                if (batch.Length == 0)
                {
                    break;
                }
                foreach (var message in batch)
                {
                    var (instance, summary) = Describe(message.Body.ToString());
                    if (!found.TryGetValue(instance, out var list))
                    {
                        found[instance] = list = [];
                    }
                    list.Add($"{queue.Name} dequeued {message.DequeueCount}x, inserted {message.InsertedOn:HH:mm:ss}: {summary}");
                }
            }
        }
        return found;
    }

    private static (string Instance, string Summary) Describe(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body.TrimStart().StartsWith('{') ? body : Encoding.UTF8.GetString(Convert.FromBase64String(body)));
            var message = json.RootElement.GetProperty("TaskMessage");
            var instance = message.GetProperty("OrchestrationInstance").GetProperty("InstanceId").GetString() ?? "?";
            var change = message.GetProperty("Event");
            var type = change.TryGetProperty("$type", out var t) ? t.GetString()?.Split('.')[^1].Split(',')[0] : "?";
            var input = change.TryGetProperty("Input", out var i) ? i.GetString() : null;
            return (instance, $"{type} {Brief(input)}");
        }
        catch (Exception ex) when (ex is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return ("(unreadable)", Brief(body));
        }
    }

    private static string Brief(string? text) => text is null ? "" : text.Length <= 160 ? text : text[..160] + "...";
}
