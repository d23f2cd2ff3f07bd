namespace PostPurchase.Web.Pages.Dashboard.Experiments;

/// <summary>One arm of a test as the dashboard shows it.</summary>
/// <param name="Orders">Orders assigned to the arm.</param>
/// <param name="Exposed">Orders that reached the tested message: it went out, or was held back because the arm is the holdout.</param>
/// <param name="Sends">Messages of the tested intent the provider accepted (each channel counts).</param>
/// <param name="Opens">Of those, opened as far as the channel reports it (WhatsApp read receipts).</param>
/// <param name="Clicks">Exposed orders whose buyer followed a link of the tested message.</param>
/// <param name="Reviews">Exposed orders whose buyer opened the review link.</param>
/// <param name="Reorders">Exposed orders whose buyer ordered again within the attribution window.</param>
/// <param name="Revenue">Totals of those reorders credited to a link of this order, per currency.</param>
public sealed record ArmStats(
    string Arm,
    bool Holdout,
    int Orders,
    int Exposed,
    int Sends,
    int Opens,
    int Clicks,
    int Reviews,
    int Reorders,
    IReadOnlyDictionary<string, decimal> Revenue);
