using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace PostPurchase.Infrastructure.Channels.Acs;

/// <summary>
/// Reads the status of accepted ACS operations apart from sending, for emails whose delivery report may never come (no Event
/// Grid subscription, a lost delivery): an operation that failed or was canceled fails its message with the service's reason.
/// It reads each operation once after <see cref="ChannelTimings.AcsStatusPollDelay"/>, again while it is still running until
/// <see cref="ChannelTimings.AcsPollTimeout"/>, and at most one operation a second (ACS allows 60 status reads a minute).
/// Kept in memory: after a restart the delivery reports still say what happened.
/// </summary>
internal sealed partial class AcsStatusPoll(
    IHttpClientFactory clients,
    AcsCredentials credentials,
    ChannelTimings timings,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<AcsStatusPoll> logger) : BackgroundService
{
    private readonly ConcurrentQueue<Tracked> _queue = new();

    /// <summary>Operations waiting for their read.</summary>
    public int Waiting => _queue.Count;

    /// <summary>Reads <paramref name="operationId"/>'s status later and fails message <paramref name="messageKey"/> if the operation failed.</summary>
    public void Track(string operationId, string orderId, string messageKey)
    {
        var now = time.GetTimestamp();
        _queue.Enqueue(new Tracked(operationId, orderId, messageKey, now, now));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_queue.TryPeek(out var next) && time.GetElapsedTime(next.Due) >= timings.AcsStatusPollDelay && _queue.TryDequeue(out var tracked))
                {
                    await ReadAsync(tracked, stoppingToken).ConfigureAwait(false);
                }
                await Task.Delay(timings.AcsStatusReadPause, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogReadFailed(ex);
            }
        }
    }

    private async Task ReadAsync(Tracked tracked, CancellationToken cancellationToken)
    {
        var url = new Uri($"{credentials.Connection.BaseUrl}/emails/operations/{tracked.OperationId}?api-version={AcsEmailSender.ApiVersion}");
        AcsOperationStatus? status = null;
        try
        {
            using var response = await clients.CreateClient(AcsEmailSender.HttpClientName).GetAsync(url, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.NotFound && response.IsSuccessStatusCode)
            {
                status = await response.Content.ReadFromJsonAsync<AcsOperationStatus>(AcsResponses.Json, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException or JsonException)
        {
            LogReadFailed(ex);
        }
        switch (status?.Status)
        {
            case "Failed" or "Canceled":
                var result = AcsEmailSender.Accepted(tracked.OperationId, status);
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var workflows = scope.ServiceProvider.GetRequiredService<IOrderWorkflows>();
                    await workflows.RaiseAsync(tracked.OrderId, new MessageStatusChanged(tracked.MessageKey, MessageStatus.Failed, tracked.OperationId, result.Error), cancellationToken)
                        .ConfigureAwait(false);
                }
                LogOperationFailed(tracked.OrderId, tracked.MessageKey, result.Error);
                break;
            case "Succeeded":
                break;
            default:
                // Still running, not found yet, or the read failed: look again later, until the poll timeout.
                if (time.GetElapsedTime(tracked.Accepted) < timings.AcsPollTimeout)
                {
                    _queue.Enqueue(tracked with { Due = time.GetTimestamp() });
                }
                break;
        }
    }

    private sealed record Tracked(string OperationId, string OrderId, string MessageKey, long Accepted, long Due);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: ACS failed email {MessageKey} after accepting it: {Error}")]
    private partial void LogOperationFailed(string orderId, string messageKey, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reading an ACS operation status failed once; it is read again later")]
    private partial void LogReadFailed(Exception exception);
}

/// <summary>Runs the status poll with the host; a runtime that cannot raise inputs from the background (Azure) removes it.</summary>
internal sealed class AcsStatusPollService(AcsStatusPoll poll) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => poll.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => poll.StopAsync(cancellationToken);
}
