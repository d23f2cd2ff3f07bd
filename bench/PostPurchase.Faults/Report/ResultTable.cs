namespace PostPurchase.Faults.Report;

/// <summary>The harness's table: one row per figure, with its target and whether the run met it.</summary>
internal sealed class ResultTable
{
    private readonly List<ResultRow> _rows = [];

    public void Add(string runtime, string fault, string figure, string value, string target, bool? met, string load) =>
        _rows.Add(new ResultRow(runtime, fault, figure, value, target, met, load));

    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>Writes the table as Markdown, ready for docs/reliability.md.</summary>
    public void Print(TextWriter writer)
    {
        writer.WriteLine("| runtime | fault | figure | result | target | met | load average (1/5/15 min) |");
        writer.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            var met = row.Met switch { true => "yes", false => "**no**", null => "" };
            writer.WriteLine($"| {row.Runtime} | {row.Fault} | {row.Figure} | {row.Value} | {row.Target} | {met} | {row.Load} |");
        }
    }
}

/// <summary>One figure of the table.</summary>
internal sealed record ResultRow(string Runtime, string Fault, string Figure, string Value, string Target, bool? Met, string Load);
