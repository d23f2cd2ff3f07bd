using PostPurchase.Core.Tracking;

namespace PostPurchase.Infrastructure.Workflows;

/// <summary>Takes normalised carrier events in: routes each to its order's timeline, or parks it until the parcel is registered.</summary>
public interface ITrackingIngress
{
    /// <summary>Dedupes, routes or parks every event; returns once each is durably queued or parked (not processed).</summary>
    Task<IReadOnlyList<IngressOutcome>> AcceptAsync(IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken);
}

/// <summary>What happened to one event handed to <see cref="ITrackingIngress.AcceptAsync"/>.</summary>
/// <param name="OrderId">The order it was routed to; null when parked.</param>
public sealed record IngressOutcome(TrackingEvent Event, IngressResult Result, string? OrderId);

/// <summary>The fate of an incoming carrier event.</summary>
public enum IngressResult
{
    /// <summary>Queued for the order's timeline.</summary>
    Routed,
    /// <summary>No parcel has this tracking number yet: kept and replayed when it is registered.</summary>
    Parked,
    /// <summary>Seen before (same provider and event id): nothing done.</summary>
    Duplicate,
}
