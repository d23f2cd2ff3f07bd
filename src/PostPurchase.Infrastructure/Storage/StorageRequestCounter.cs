using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Counts every HTTP request the storage clients send (retries included), for tests, metrics and the load driver.</summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
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

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count(message);
        return ProcessNextAsync(message, pipeline);
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
