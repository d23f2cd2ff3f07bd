using PostPurchase.Faults.Report;

namespace PostPurchase.Faults.Cases;

/// <summary>What a case is given: the settings, the table to add its figures to, and the label of the runtime it runs on.</summary>
internal sealed record CaseContext(FaultSettings Settings, ResultTable Table)
{
    public string RuntimeLabel => Settings.IsHost ? "Host" : "Function App";

    public void Add(string fault, string figure, string value, string target, bool? met, string load) =>
        Table.Add(RuntimeLabel, fault, figure, value, target, met, load);
}
