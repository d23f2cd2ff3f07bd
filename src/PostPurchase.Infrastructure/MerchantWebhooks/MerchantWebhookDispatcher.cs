using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PostPurchase.Infrastructure.MerchantWebhooks;

/// <summary>Retries due webhook deliveries in the background, at the configured poll interval.</summary>
internal sealed partial class MerchantWebhookDispatcher(
    IMerchantWebhooks webhooks,
    IOptions<MerchantWebhookOptions> options,
    WebhookNudge nudge,
    TimeProvider time,
    ILogger<MerchantWebhookDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Endpoints.Count == 0)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await nudge.WaitAsync(options.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
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
