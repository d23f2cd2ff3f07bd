namespace PostPurchase.Core.Growth;

/// <summary>The arm of an A/B test this order is in; kept in the state, so replays, retries and later edits of the test never move it.</summary>
public sealed record ExperimentAssignment(string Experiment, string Arm);
