using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Healthy when the engine's table and queue answer within a few seconds.</summary>
internal sealed class StorageHealthCheck(StorageAccount storage) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await storage.EnsureCreatedAsync(timeout.Token).ConfigureAwait(false);
            await foreach (var _ in storage.Orders.QueryAsync<Azure.Data.Tables.TableEntity>("PartitionKey eq 'health'", maxPerPage: 1, select: ["PartitionKey"], cancellationToken: timeout.Token).AsPages().ConfigureAwait(false))
            {
                break;
            }

            await storage.Inbox.GetPropertiesAsync(timeout.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("Table and queue storage answer.");
        }
        catch (Exception ex) when (ex is RequestFailedException or OperationCanceledException or AggregateException or HttpRequestException)
        {
            return HealthCheckResult.Unhealthy($"Storage is not reachable: {ex.Message}", ex);
        }
    }
}
