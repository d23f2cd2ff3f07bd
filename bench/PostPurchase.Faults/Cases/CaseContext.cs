using PostPurchase.Faults.Report;

namespace PostPurchase.Faults.Cases;

/// <summary>What a case is given: the settings, the table to add its figures to, and the label of the runtime it runs on.</summary>
internal sealed record CaseContext(FaultSettings Settings, ResultTable Table)
{
    public string RuntimeLabel => Settings.IsHost ? "Host" : "Function App";

    /// <summary>Adds a figure to the table and prints it at once, so a run stopped early still shows what it measured.</summary>
    public void Add(string fault, string figure, string value, string target, bool? met, string load)
    {
        Console.WriteLine($"  figure: {fault} | {figure} | {value} | target {target} | {(met is null ? "" : met.Value ? "met" : "NOT met")} | load {load}");
        Table.Add(RuntimeLabel, fault, figure, value, target, met, load);
    }
}
