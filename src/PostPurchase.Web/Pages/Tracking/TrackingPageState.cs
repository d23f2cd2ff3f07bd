using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>What the tracking page may offer for an order now; the endpoints check the same rules before acting.</summary>
public sealed record TrackingPageState(
    bool CanCancel,
    bool CanReturn,
    DateTimeOffset? ReturnUntil,
    bool CanRate,
    bool ShowHowTo,
    DateTimeOffset ExpectedDelivery,
    bool ExpectedDeliveryMoved)
{
    private static readonly OrderStatus[] Closed = [OrderStatus.Cancelled, OrderStatus.Refunded, OrderStatus.Returned, OrderStatus.ReturnRequested];

    /// <summary>Evaluates the rules for <paramref name="state"/> at <paramref name="now"/>.</summary>
    public static TrackingPageState Of(TimelineState state, TimelinePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        var scanned = state.Parcels.Any(p => p.FirstScanAt is not null || IsCarrierScan(p.Status))
            || state.Events.Any(e => IsCarrierScan(e.Status));
        var canCancel = state.Status == OrderStatus.Confirmed && !scanned;

        var returnUntil = state.DeliveredAt?.AddDays(policy.ReturnWindowDays);
        var delivered = state.Status is OrderStatus.Delivered or OrderStatus.PartiallyDelivered;
        var canReturn = delivered && returnUntil is not null && now <= returnUntil;
        var canRate = state.DeliveredAt is not null && state.CsatScore is null && !Closed.Contains(state.Status);

        var promised = state.Order.Promise.DeliverBy;
        var estimates = state.Parcels.Where(p => p.DeliveredAt is null && p.CarrierEstimate is not null).Select(p => p.CarrierEstimate!.Value).ToList();
        var expected = estimates.Count > 0 ? estimates.Max() : promised;
        return new TrackingPageState(
            canCancel, canReturn, returnUntil, canRate,
            ShowHowTo: state.DeliveredAt is not null && state.Order.Items.Any(i => i.HowToUrl is not null),
            expected,
            ExpectedDeliveryMoved: expected.UtcDateTime.Date != promised.UtcDateTime.Date);
    }

    private static bool IsCarrierScan(TrackingStatus status) =>
        status is not (TrackingStatus.Unknown or TrackingStatus.InfoReceived);
}
