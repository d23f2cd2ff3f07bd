using Azure.Data.Tables;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PostPurchase.Host.Health;

/// <summary>Healthy when the storage account answers a table listing within a few seconds.</summary>
internal sealed class StorageHealthCheck(TableServiceClient tables) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            await foreach (var _ in tables.QueryAsync(filter: (string?)null, maxPerPage: 1, cancellationToken: timeout.Token).AsPages())
            {
                break;
            }
            return HealthCheckResult.Healthy("Storage answered.");
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException or HttpRequestException or AggregateException)
        {
            return HealthCheckResult.Unhealthy("Storage is not reachable.");
        }
    }
}
