namespace PostPurchase.Core.Growth;

/// <summary>The conversion an A/B test is judged on.</summary>
public enum ExperimentGoal
{
    /// <summary>The buyer clicked a link of the tested message.</summary>
    Click,
    /// <summary>The buyer opened the review link.</summary>
    Review,
    /// <summary>The buyer ordered again within the attribution window.</summary>
    Reorder,
}
