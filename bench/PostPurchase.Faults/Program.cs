using PostPurchase.Faults;
using PostPurchase.Faults.Cases;
using PostPurchase.Faults.Report;

// Breaks things on purpose while real traffic flows against a runtime it starts (the self-hosted Host, or the Function App under
// the Functions host), and prints one table: every figure with its target, whether it was met, and the machine's load meanwhile.
var settings = FaultSettings.Parse(args);
var table = new ResultTable();
var context = new CaseContext(settings, table);
Console.WriteLine($"PostPurchase fault harness, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores; runtime: {settings.Runtime}");
Console.WriteLine($"runtime command: {settings.Serve}");
Console.WriteLine($"logs in {settings.LogDirectory}");
foreach (var name in settings.Cases)
{
    Console.WriteLine();
    Console.WriteLine($"== {name}");
    try
    {
        await (name switch
        {
            "kill" => KillCase.RunAsync(context),
            "outage" => OutageCase.RunAsync(context),
            "send-rate" => SendRateCase.RunAsync(context),
            "two-hosts" => TwoHostsCase.RunAsync(context),
            "providers" => ProvidersCase.RunAsync(context),
            "hostile" => HostileCase.RunAsync(context),
            _ => throw new ArgumentException($"Case '{name}' is not built."),
        });
    }
    catch (Exception ex) when (ex is not OutOfMemoryException)
    {
        // One case that cannot run still leaves the others' figures: the table says why this one has none.
        Console.WriteLine($"  case {name} could not complete: {ex}");
        table.Add(context.RuntimeLabel, name, "case did not complete", ex.GetType().Name + ": " + ex.Message.ReplaceLineEndings(" "), "", false, "");
    }
}
Console.WriteLine();
table.Print(Console.Out);
