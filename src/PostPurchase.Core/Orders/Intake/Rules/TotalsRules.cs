using System.Globalization;

namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>Amounts that add up, so that the confirmation never shows a sum the buyer can catch out.</summary>
/// <remarks>
/// subtotal = sum of quantity x unitPrice; total = subtotal - discount + shipping when prices include tax
/// (the European norm: tax is the part of the total that is tax), or that plus tax when prices exclude it
/// (the US norm). Either reading is accepted; both are checked within <see cref="Tolerance"/>.
/// Missing discount, shipping and tax count as 0.
/// </remarks>
internal static class TotalsRules
{
    /// <summary>Rounding slack allowed in every comparison.</summary>
    public const decimal Tolerance = 0.01m;

    /// <summary>The totals, or null when a required amount is missing (every problem is recorded).</summary>
    public static OrderTotals? Validate(TotalsRequest? request, IReadOnlyList<OrderItem>? items, IntakeErrors errors)
    {
        if (request is null)
        {
            errors.Add("totals", "Required.");
            return null;
        }
        var subtotal = NonNegative(errors.Required(request.Subtotal, "totals.subtotal"), "totals.subtotal", errors);
        var discount = NonNegative(request.Discount ?? 0m, "totals.discount", errors);
        var shipping = NonNegative(request.Shipping ?? 0m, "totals.shipping", errors);
        var tax = NonNegative(request.Tax ?? 0m, "totals.tax", errors);
        var total = NonNegative(errors.Required(request.Total, "totals.total"), "totals.total", errors);
        if (subtotal is null || total is null)
        {
            return null;
        }
        if (items is not null)
        {
            var lines = items.Sum(i => i.Quantity * i.UnitPrice);
            if (Math.Abs(subtotal.Value - lines) > Tolerance)
            {
                errors.Add("totals.subtotal", $"Is {Show(subtotal.Value)} but the items add up to {Show(lines)}.");
            }
        }
        var taxIncluded = subtotal.Value - discount!.Value + shipping!.Value;
        var taxAdded = taxIncluded + tax!.Value;
        if (Math.Abs(total.Value - taxIncluded) > Tolerance && Math.Abs(total.Value - taxAdded) > Tolerance)
        {
            errors.Add("totals.total", $"Is {Show(total.Value)} but subtotal - discount + shipping is {Show(taxIncluded)} "
                + $"({Show(taxAdded)} with tax added, for prices that exclude tax).");
        }
        if (tax.Value > total.Value + Tolerance)
        {
            errors.Add("totals.tax", $"Is {Show(tax.Value)}, more than the total of {Show(total.Value)}.");
        }
        return new OrderTotals(subtotal.Value, discount.Value, shipping.Value, tax.Value, total.Value);
    }

    private static decimal? NonNegative(decimal? amount, string path, IntakeErrors errors)
    {
        if (amount < 0)
        {
            errors.Add(path, "Must be 0 or more.");
        }
        return amount;
    }

    private static string Show(decimal amount) => amount.ToString("0.00##", CultureInfo.InvariantCulture);
}
