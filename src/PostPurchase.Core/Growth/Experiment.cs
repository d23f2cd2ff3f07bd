using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Growth;

/// <summary>An A/B test of one marketing message: each order falls in one arm by a keyed hash of its id.</summary>
public sealed record Experiment
{
    /// <summary>Stable id (letters, digits, '-'); also the key of the arm hash, so a new id reshuffles the orders.</summary>
    public string Id { get; init; } = "";

    /// <summary>The message the arms vary: review-request, csat-survey, review-reminder, replenishment-reminder, win-back or referral-invite.</summary>
    public Intent Intent { get; init; }

    /// <summary>False pauses the test: new orders are not assigned, assigned ones keep their arm.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>What counts as success on the dashboard; by default reviews for review messages, reorders for promotions.</summary>
    public ExperimentGoal? Goal { get; init; }

    /// <summary>The arms; the first one is the control the others are compared with.</summary>
    public List<ExperimentArm> Arms { get; init; } = [];

    /// <summary>The goal the dashboard measures.</summary>
    public ExperimentGoal GoalOrDefault => Goal ?? (Intent is Intent.ReviewRequest or Intent.ReviewReminder or Intent.CsatSurvey ? ExperimentGoal.Review : ExperimentGoal.Reorder);
}
