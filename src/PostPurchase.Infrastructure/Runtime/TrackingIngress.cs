using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>Routes carrier events to their order through the tracking-number index, or parks them until the parcel is registered.</summary>
internal sealed partial class TrackingIngress(
    StorageAccount storage,
    ParcelIndex parcels,
    InboxQueue inbox,
    StateCache cache,
    EngineOptions options,
    TimeProvider time,
    ILogger<TrackingIngress> logger) : ITrackingIngress
{
    private const int SeenLimit = 100_000;
    private readonly ConcurrentDictionary<string, byte> _seen = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<IngressOutcome>> AcceptAsync(IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var outcomes = new List<IngressOutcome>(events.Count);
        foreach (var trackingEvent in events)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(trackingEvent.TrackingNumber);
            ArgumentException.ThrowIfNullOrWhiteSpace(trackingEvent.EventId);
            outcomes.Add(await AcceptAsync(trackingEvent, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    /// <summary>Routes every event parked for <paramref name="parcelKey"/> to <paramref name="orderId"/>, then forgets them.</summary>
    public async Task<int> ReplayParkedAsync(string parcelKey, string orderId, CancellationToken cancellationToken)
    {
        var parked = await parcels.ParkedAsync(parcelKey, cancellationToken).ConfigureAwait(false);
        foreach (var (trackingEvent, row) in parked.OrderBy(p => p.Event.OccurredAt))
        {
            await inbox.EnqueueAsync(InputEnvelope.For(orderId, new TrackingUpdated(trackingEvent), time.GetUtcNow()), options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
            await parcels.DeleteParkedAsync(row, cancellationToken).ConfigureAwait(false);
        }

        if (parked.Count > 0)
        {
            LogReplayed(parked.Count, parcelKey, orderId);
        }

        return parked.Count;
    }

    private async Task<IngressOutcome> AcceptAsync(TrackingEvent trackingEvent, CancellationToken cancellationToken)
    {
        var id = $"{trackingEvent.Provider}:{trackingEvent.EventId}";
        if (_seen.ContainsKey(id))
        {
            return new IngressOutcome(trackingEvent, IngressResult.Duplicate, null);
        }

        var orderId = await parcels.FindAsync(trackingEvent.ParcelKey, cancellationToken).ConfigureAwait(false);
        if (orderId is null)
        {
            await parcels.ParkAsync(trackingEvent, cancellationToken).ConfigureAwait(false);
            // The parcel may have been registered between the lookup and the park: look again so nothing stays parked.
            orderId = await parcels.FindAsync(trackingEvent.ParcelKey, cancellationToken).ConfigureAwait(false);
            if (orderId is null)
            {
                LogParked(trackingEvent.Provider, trackingEvent.EventId, trackingEvent.ParcelKey);
                return new IngressOutcome(trackingEvent, IngressResult.Parked, null);
            }

            await ReplayParkedAsync(trackingEvent.ParcelKey, orderId, cancellationToken).ConfigureAwait(false);
            Remember(id);
            return new IngressOutcome(trackingEvent, IngressResult.Routed, orderId);
        }

        if (cache.Get(orderId)?.State.Events.Any(e => e.Provider == trackingEvent.Provider && e.EventId == trackingEvent.EventId) == true)
        {
            Remember(id);
            return new IngressOutcome(trackingEvent, IngressResult.Duplicate, orderId);
        }

        await inbox.EnqueueAsync(InputEnvelope.For(orderId, new TrackingUpdated(trackingEvent), time.GetUtcNow()), options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        Remember(id);
        return new IngressOutcome(trackingEvent, IngressResult.Routed, orderId);
    }

    private void Remember(string id)
    {
        if (_seen.Count >= SeenLimit)
        {
            _seen.Clear();
        }

        _seen[id] = 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Parked {Provider} event {EventId}: no order has registered parcel {ParcelKey} yet")]
    private partial void LogParked(string provider, string eventId, string parcelKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replayed {Count} parked events of parcel {ParcelKey} to order {OrderId}")]
    private partial void LogReplayed(int count, string parcelKey, string orderId);
}
