using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Shops;

/// <summary>The self-hosted runtime's reconciliation: one run at start-up (catching up after downtime), then every <c>Shops:ReconcileEvery</c>.</summary>
internal sealed partial class ShopReconciliationLoop(
    IServiceScopeFactory scopes,
    IOptionsMonitor<PostPurchaseOptions> options,
    TimeProvider time,
    ILogger<ShopReconciliationLoop> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ShopReconciler>().RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogFailed(ex);
            }
            var every = options.CurrentValue.Shops.ReconcileEvery;
            await Task.Delay(every > TimeSpan.Zero ? every : TimeSpan.FromMinutes(15), time, stoppingToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Shop reconciliation run failed; trying again at the next interval")]
    private partial void LogFailed(Exception exception);
}
