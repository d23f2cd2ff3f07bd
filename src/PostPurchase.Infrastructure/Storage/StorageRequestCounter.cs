using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Counts every HTTP request the storage clients send (retries included), for tests, metrics and the load driver.</summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _scans = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _rows = new(StringComparer.Ordinal);
    private long _total;
    private long _tables;
    private long _queues;

    /// <summary>All requests so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests to the Table service.</summary>
    public long Tables => Interlocked.Read(ref _tables);

    /// <summary>Requests to the Queue service.</summary>
    public long Queues => Interlocked.Read(ref _queues);

    /// <summary>Requests so far per "METHOD resource" (e.g. "POST $batch", "GET Orders"), for finding where requests go.</summary>
    public IReadOnlyDictionary<string, long> ByOperation() => new Dictionary<string, long>(_byOperation, StringComparer.Ordinal);

    /// <summary>Table queries per table that name no partition (each reads the whole table on the service side).</summary>
    public IReadOnlyDictionary<string, long> Scans() => new Dictionary<string, long>(_scans, StringComparer.Ordinal);

    /// <summary>Rows returned by table queries per table (point reads and writes not included).</summary>
    public IReadOnlyDictionary<string, long> RowsRead() => new Dictionary<string, long>(_rows, StringComparer.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
        CountRows(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        CountRows(message);
    }

    // A query is a GET on "/account/table()" (no keys in the path); its filter says whether it stays within one partition.
    private static string? QueriedTable(HttpMessage message) =>
        message.Request.Method == RequestMethod.Get && message.Request.Uri.Path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var table]
        && table.EndsWith("()", StringComparison.Ordinal) ? table[..^2] : null;

    private void CountRows(HttpMessage message)
    {
        if (QueriedTable(message) is not { } table || !message.HasResponse || message.Response.Status != 200 || message.Response.Content.ToMemory().IsEmpty)
        {
            return;
        }

        using var json = System.Text.Json.JsonDocument.Parse(message.Response.Content.ToMemory());
        if (json.RootElement.TryGetProperty("value", out var rows))
        {
            _rows.AddOrUpdate(table, rows.GetArrayLength(), (_, n) => n + rows.GetArrayLength());
        }
    }

    private static string Resource(string path)
    {
        // "/account/tableName(PartitionKey='..')" or "/account/queue/messages/id": keep the resource kind, drop keys and ids.
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = parts.Length > 1 ? parts[1] : parts.FirstOrDefault() ?? "";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        resource = paren >= 0 ? resource[..paren] + "(key)" : resource;
        return parts.Length > 2 ? resource + "/" + parts[2] : resource;
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        var uri = message.Request.Uri.ToString();
        _byOperation.AddOrUpdate($"{message.Request.Method} {Resource(message.Request.Uri.Path)}", 1, static (_, n) => n + 1);
        if (QueriedTable(message) is { } table && !Uri.UnescapeDataString(message.Request.Uri.Query).Contains("PartitionKey eq", StringComparison.Ordinal))
        {
            _scans.AddOrUpdate(table, 1, static (_, n) => n + 1);
        }

        if (uri.Contains(StorageAccount.InboxQueueName, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _queues);
        }
        else
        {
            Interlocked.Increment(ref _tables);
        }
    }
}
