using System.Text.Json;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Core.Timeline;

/// <summary>The shop changed the order after placement: pages and messages show the new facts from now on.</summary>
internal static class OrderUpdateRules
{
    /// <summary>Takes the shop's items, totals, payment, address, number and the buyer's name and email; keeps consent, phone, promise and parcels.</summary>
    public static bool Apply(DecisionContext ctx, OrderUpdated input)
    {
        ArgumentNullException.ThrowIfNull(input.Order);
        var current = ctx.State.Order;
        var incoming = input.Order;
        if (incoming.OrderId != current.OrderId)
        {
            throw new ArgumentException($"This timeline is order '{current.OrderId}', not '{incoming.OrderId}'.", nameof(input));
        }
        var next = current with
        {
            Currency = incoming.Currency,
            Items = incoming.Items,
            Totals = incoming.Totals,
            PaymentMethod = incoming.PaymentMethod,
            ShippingAddress = incoming.ShippingAddress,
            DisplayNumber = incoming.DisplayNumber ?? current.DisplayNumber,
            Customer = current.Customer with
            {
                FirstName = incoming.Customer.FirstName,
                LastName = incoming.Customer.LastName,
                Email = incoming.Customer.Email,
            },
        };
        // Lists compare by reference in records: compare what would be stored.
        if (JsonSerializer.Serialize(next, CoreJson.Options) == JsonSerializer.Serialize(current, CoreJson.Options))
        {
            return false;
        }
        ctx.State = ctx.State with { Order = next };
        return true;
    }
}
