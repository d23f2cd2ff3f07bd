using Microsoft.Extensions.Logging;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Workflows;

/// <summary><see cref="ITrackingIngress"/> for the Azure runtime: routes each carrier event to its order's orchestration, or parks it until the parcel is registered.</summary>
internal sealed partial class DurableTrackingIngress(
    IOrderIndexes indexes,
    IOrderWorkflows workflows,
    IOrderReadModelStore readModels,
    ILogger<DurableTrackingIngress> logger) : ITrackingIngress
{
    public async Task<IReadOnlyList<IngressOutcome>> AcceptAsync(IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var outcomes = new List<IngressOutcome>(events.Count);
        foreach (var trackingEvent in events)
        {
            outcomes.Add(await AcceptAsync(trackingEvent, cancellationToken));
        }
        return outcomes;
    }

    private async Task<IngressOutcome> AcceptAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        var orderId = await indexes.FindOrderAsync(trackingEvent.ParcelKey, cancellationToken);
        if (orderId is null)
        {
            await indexes.ParkAsync(trackingEvent, cancellationToken);
            // The parcel may have been registered between the lookup and the park: look again so nothing stays parked.
            orderId = await indexes.FindOrderAsync(trackingEvent.ParcelKey, cancellationToken);
            if (orderId is null)
            {
                LogParked(logger, trackingEvent.Provider, trackingEvent.EventId, trackingEvent.ParcelKey);
                return new IngressOutcome(trackingEvent, IngressResult.Parked, null);
            }
            await indexes.ReplayParkedAsync(trackingEvent.ParcelKey, (parked, ct) => RouteAsync(orderId, parked, ct), cancellationToken);
            return new IngressOutcome(trackingEvent, IngressResult.Routed, orderId);
        }
        var seen = await readModels.GetAsync(orderId, cancellationToken);
        if (seen?.State.Events.Any(e => e.Provider == trackingEvent.Provider && e.EventId == trackingEvent.EventId) == true)
        {
            return new IngressOutcome(trackingEvent, IngressResult.Duplicate, orderId);
        }
        await RouteAsync(orderId, trackingEvent, cancellationToken);
        return new IngressOutcome(trackingEvent, IngressResult.Routed, orderId);
    }

    private async Task RouteAsync(string orderId, TrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        if (!await workflows.RaiseAsync(orderId, new TrackingUpdated(trackingEvent), cancellationToken))
        {
            // The parcel is indexed before the timeline is scheduled: the order's intake is under way (or will be sent again).
            throw new TimelineStartingException(orderId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Parked {Provider} event {EventId}: no order has registered parcel {ParcelKey} yet")]
    private static partial void LogParked(ILogger logger, string provider, string eventId, string parcelKey);
}
