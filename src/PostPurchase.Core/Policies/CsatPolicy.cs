namespace PostPurchase.Core.Policies;

/// <summary>The optional CSAT survey sent some days after delivery.</summary>
public sealed record CsatPolicy
{
    /// <summary>Whether to send the survey.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Days after delivery, at the policy's local hour.</summary>
    public int DaysAfterDelivery { get; init; } = 2;

    /// <summary>Scores at or below this are low: no review request, a support follow-up instead.</summary>
    public int LowScoreAtMost { get; init; } = 3;
}
