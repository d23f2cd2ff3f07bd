using Microsoft.Extensions.Logging;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Timeline;

/// <summary>
/// Hands a text to a sender that can look its sends up, under the order's send-attempt mark. An activity runs again when its host
/// died before its result was stored, and the Durable runtime may run one twice (a message sent before a crash, a checkpoint
/// lost after it): the attempt that finds an earlier one asks the provider first, and holds back while the earlier one may
/// still be under way, so the provider is never asked before that attempt could have reached it.
/// </summary>
internal static partial class MarkedSend
{
    public static async Task<SendResult> SendAsync(
        ISendAttempts attempts, IChannelSender sender, OutboundMessage outbound, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        var attempt = await attempts.BeginAsync(outbound.OrderId, outbound.Key, now, cancellationToken);
        if (attempt.EarlierUnderWay)
        {
            LogHeldBack(logger, outbound.Key);
            return new SendResult(SendOutcome.Retry,
                Error: $"Another attempt at this text began lately and may still be under way; {sender.Provider} is asked once it is over, so the text does not go twice.");
        }
        try
        {
            return await sender.SendAsync(outbound with { LostAttemptAt = attempt.LostSince }, cancellationToken);
        }
        finally
        {
            await EndAsync(attempts, outbound, logger);
        }
    }

    /// <summary>Marks the attempt over; when that fails the mark stays open and the next attempt waits out <see cref="SendAttempt.UnderWayAtMost"/>.</summary>
    private static async Task EndAsync(ISendAttempts attempts, OutboundMessage outbound, ILogger logger)
    {
        try
        {
            // Not the invocation's token: an attempt that was made must be marked over even while the invocation is cancelled.
            await attempts.EndAsync(outbound.OrderId, outbound.Key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or OperationCanceledException)
        {
            LogNotEnded(logger, ex, outbound.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Text {Key} held back: another attempt at it began lately and may still be under way")]
    private static partial void LogHeldBack(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark the attempt at text {Key} over; its next attempt waits a few minutes before asking the provider")]
    private static partial void LogNotEnded(ILogger logger, Exception exception, string key);
}
