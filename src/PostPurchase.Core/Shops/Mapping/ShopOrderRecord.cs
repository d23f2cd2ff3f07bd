using PostPurchase.Core.Shops.Model;

namespace PostPurchase.Core.Shops.Mapping;

/// <summary>
/// Everything known about one shop order, merged from every delivery whatever their order of arrival, and what the
/// timeline has been given of it. A snapshot replaces another only when it is newer by the platform's own time.
/// </summary>
public sealed record ShopOrderRecord
{
    /// <summary>The platform.</summary>
    public required string Platform { get; init; }

    /// <summary>The platform's order id.</summary>
    public required string ShopOrderId { get; init; }

    /// <summary>The newest order snapshot (null until one arrived: a fulfilment may come first).</summary>
    public ShopOrder? Order { get; init; }

    /// <summary>The newest snapshot of each fulfilment, by id.</summary>
    public IReadOnlyList<ShopFulfilment> Fulfilments { get; init; } = [];

    /// <summary>Every refund seen, by id.</summary>
    public IReadOnlyList<ShopRefund> Refunds { get; init; } = [];

    /// <summary>Every tracking event seen, by id.</summary>
    public IReadOnlyList<ShopTrackingEvent> Events { get; init; } = [];

    /// <summary>True once the timeline was started.</summary>
    public bool Placed { get; init; }

    /// <summary>Why no timeline was started (a draft, digital only), for the dashboard.</summary>
    public string? Skipped { get; init; }

    /// <summary>The order facts last given to the timeline (JSON), to tell an edit from a repeat.</summary>
    public string? GivenOrder { get; init; }

    /// <summary>Parcel keys registered with the timeline.</summary>
    public IReadOnlyList<string> GivenParcels { get; init; } = [];

    /// <summary>Tracking event ids given to the timeline.</summary>
    public IReadOnlyList<string> GivenEvents { get; init; } = [];

    /// <summary>True once the cancellation was given.</summary>
    public bool GivenCancel { get; init; }

    /// <summary>Refund ids given to the timeline.</summary>
    public IReadOnlyList<string> GivenRefunds { get; init; } = [];

    /// <summary>The id of the order's timeline.</summary>
    public string OrderId => ShopPlatforms.OrderId(Platform, ShopOrderId);

    /// <summary>A record that knows nothing yet.</summary>
    public static ShopOrderRecord Empty(string platform, string shopOrderId) => new() { Platform = platform, ShopOrderId = shopOrderId };

    /// <summary>Merges a delivery; <paramref name="changed"/> is false when it held nothing newer than what is known (a repeat or an older snapshot).</summary>
    public ShopOrderRecord Merge(ShopDelivery delivery, out bool changed)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var next = this;
        if (delivery.Order is { } order)
        {
            if (Order is null || order.UpdatedAt > Order.UpdatedAt)
            {
                next = next with { Order = order };
            }
            foreach (var f in order.Fulfilments)
            {
                next = next.WithFulfilment(f);
            }
            foreach (var r in order.Refunds)
            {
                next = next.WithRefund(r);
            }
        }
        if (delivery.Fulfilment is { } fulfilment)
        {
            next = next.WithFulfilment(fulfilment);
        }
        if (delivery.Refund is { } refund)
        {
            next = next.WithRefund(refund);
        }
        if (delivery.TrackingEvent is { } e && Events.All(x => x.Id != e.Id))
        {
            next = next with { Events = [.. next.Events, e] };
        }
        changed = !ReferenceEquals(next, this);
        return next;
    }

    private ShopOrderRecord WithFulfilment(ShopFulfilment f)
    {
        var known = Fulfilments.FirstOrDefault(x => x.Id == f.Id);
        if (known is not null && f.UpdatedAt <= known.UpdatedAt)
        {
            return this;
        }
        return this with { Fulfilments = [.. Fulfilments.Where(x => x.Id != f.Id), f] };
    }

    private ShopOrderRecord WithRefund(ShopRefund r) =>
        Refunds.Any(x => x.Id == r.Id) ? this : this with { Refunds = [.. Refunds, r] };
}
