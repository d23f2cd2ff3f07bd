using PostPurchase.Core.Serialization;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>The order list's filters: status, delay cause, carrier, placed between two dates, and search by order number or email.</summary>
public sealed record OrderFilter(string? Status = null, string? Cause = null, string? Carrier = null, DateOnly? From = null, DateOnly? To = null, string? Query = null)
{
    /// <summary>The orders that pass every filter given.</summary>
    public IReadOnlyList<OrderSnapshot> Apply(IEnumerable<OrderSnapshot> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        return orders.Where(Matches).ToList();
    }

    private bool Matches(OrderSnapshot snapshot)
    {
        var state = snapshot.State;
        var placed = DateOnly.FromDateTime(state.Order.PlacedAt.UtcDateTime);
        return (string.IsNullOrEmpty(Status) || WireName.Of(state.Status) == Status)
            && (string.IsNullOrEmpty(Cause) || state.DelayAlerts.Any(a => WireName.Of(a) == Cause))
            && (string.IsNullOrEmpty(Carrier) || state.Parcels.Any(p => string.Equals(p.Carrier, Carrier, StringComparison.OrdinalIgnoreCase)))
            && (From is null || placed >= From)
            && (To is null || placed <= To)
            && (string.IsNullOrWhiteSpace(Query)
                || state.Order.OrderId.Contains(Query.Trim(), StringComparison.OrdinalIgnoreCase)
                || state.Order.Customer.Email.Contains(Query.Trim(), StringComparison.OrdinalIgnoreCase));
    }
}
