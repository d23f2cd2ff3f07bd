using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using PostPurchase.Benchmarks;

// Prints decisions per second for each case; pass BenchmarkDotNet arguments (e.g. --job short) to tune the run.
var config = DefaultConfig.Instance.AddColumn(StatisticColumn.OperationsPerSecond);
var summary = BenchmarkSwitcher.FromAssembly(typeof(DecideBenchmarks).Assembly).RunAll(config, args);
foreach (var report in summary.SelectMany(s => s.Reports))
{
    if (report.ResultStatistics is { } stats)
    {
        var perSecond = 1e9 / stats.Mean;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}: {perSecond:N0} decisions/second ({stats.Mean / 1000:N1} us each)"));
    }
}
