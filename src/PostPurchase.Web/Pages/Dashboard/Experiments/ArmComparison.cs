namespace PostPurchase.Web.Pages.Dashboard.Experiments;

/// <summary>An arm against the control, on the test's goal: both rates, the p-value and the plain sentence.</summary>
public sealed record ArmComparison(string Arm, string Control, double ArmRate, double ControlRate, double? PValue, bool Real, string Sentence);
