using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>What intake learns from the buyer profile: the facts for the new order, and the earlier orders to tell about it.</summary>
/// <param name="EarlierOrders">The buyer's other recent orders, newest first: each gets a <c>buyer-ordered</c> input.</param>
public sealed record BuyerIntake(BuyerFacts Facts, IReadOnlyList<string> EarlierOrders)
{
    /// <summary>Tells each earlier order about <paramref name="order"/> (its reminders and win-back stop; it learns whether its link earned it).</summary>
    /// <param name="raise">The runtime's way to deliver an input to an order (<c>IOrderWorkflows.RaiseAsync</c>).</param>
    public async Task AnnounceAsync(Order order, Func<string, TimelineInput, CancellationToken, Task<bool>> raise, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(raise);
        var input = new BuyerOrdered(order.OrderId, order.PlacedAt, [.. order.Items.Select(i => i.Sku).Distinct(StringComparer.Ordinal)],
            order.Totals.Total, order.Currency, Facts.AttributedTo);
        foreach (var earlier in EarlierOrders)
        {
            await raise(earlier, input, cancellationToken).ConfigureAwait(false);
        }
    }
}
