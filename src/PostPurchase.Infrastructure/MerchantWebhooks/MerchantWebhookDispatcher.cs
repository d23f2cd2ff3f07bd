using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>Retries due webhook deliveries in the background, at the configured poll interval.</summary>
internal sealed partial class MerchantWebhookDispatcher(
    IMerchantWebhooks webhooks,
    IOptions<MerchantWebhookOptions> options,
    TimeProvider time,
    ILogger<MerchantWebhookDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Endpoints.Count == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await webhooks.RetryDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Retrying due webhook deliveries failed; trying again at the next tick.")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
