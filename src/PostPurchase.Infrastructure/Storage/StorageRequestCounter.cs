using Azure.Core;
using Azure.Core.Pipeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Counts every HTTP request the storage clients send (retries included), for tests, metrics and the load driver.</summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long _total;
    private long _tables;
    private long _queues;

    /// <summary>All requests so far.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests to the Table service.</summary>
    public long Tables => Interlocked.Read(ref _tables);

    /// <summary>Requests to the Queue service.</summary>
    public long Queues => Interlocked.Read(ref _queues);

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

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref _total);
        var uri = message.Request.Uri.ToString();
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
