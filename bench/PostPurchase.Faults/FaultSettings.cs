using System.Globalization;
using System.Numerics;
using PostPurchase.Load.Http;

namespace PostPurchase.Faults;

/// <summary>The harness's command line: every option has a default; a bad value is refused with the option's name.</summary>
internal sealed record FaultSettings
{
    public static readonly string[] AllCases = ["kill", "outage", "two-hosts", "hostile", "providers", "send-rate"];

    /// <summary>Cases that apply to the Function App: the others need the self-hosted engine's own process or settings.</summary>
    public static readonly string[] FunctionsCases = ["kill", "outage", "hostile"];

    public required string Runtime { get; init; }

    /// <summary>The command that starts one runtime; <c>{port}</c> is replaced with the port it must listen on.</summary>
    public required string Serve { get; init; }

    public required IReadOnlyList<string> Cases { get; init; }

    public int Port { get; init; }

    public int SecondPort { get; init; }

    public int Orders { get; init; }

    public double Rate { get; init; }

    public int Kills { get; init; }

    public double StepSeconds { get; init; }

    public int OutageSeconds { get; init; }

    public int Hostile { get; init; }

    public double ProviderDownMinutes { get; init; }

    /// <summary>How long the audit waits for every order to finish after the last input.</summary>
    public double SettleMinutes { get; init; }

    public required string LogDirectory { get; init; }

    public bool IsHost => Runtime == "host";

    public static FaultSettings Parse(string[] args)
    {
        var known = new[] { "--runtime", "--serve", "--cases", "--port", "--second-port", "--orders", "--rate", "--kills", "--step-seconds",
            "--outage-seconds", "--hostile", "--provider-down-minutes", "--settle-minutes", "--log-dir" };
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!known.Contains(args[i]) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Unknown option or missing value at '{args[i]}'; known: {string.Join(", ", known)}.");
            }
        }
        var runtime = Text(args, "--runtime") ?? "host";
        if (runtime is not ("host" or "functions"))
        {
            throw new ArgumentException("--runtime is 'host' or 'functions'.");
        }
        var serve = Text(args, "--serve")
            ?? (runtime == "host"
                ? $"cd '{Path.Combine(RepositoryRoot(), "src", "PostPurchase.Host", "bin", "Release", "net10.0")}' && exec dotnet PostPurchase.Host.dll --urls http://127.0.0.1:{{port}}"
                : throw new ArgumentException("--runtime functions needs --serve 'COMMAND {port}': the command that runs the published Function App under the Functions host."));
        var applicable = runtime == "host" ? AllCases : FunctionsCases;
        var cases = (Text(args, "--cases")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? applicable).ToList();
        if (cases.FirstOrDefault(c => !applicable.Contains(c)) is { } unknown)
        {
            throw new ArgumentException($"Case '{unknown}' does not apply to the {runtime}; choose from {string.Join(", ", applicable)}.");
        }
        return new FaultSettings
        {
            Runtime = runtime,
            Serve = serve,
            Cases = cases,
            Port = Number(args, "--port", FreePort.Next(), 1, 65535),
            SecondPort = Number(args, "--second-port", FreePort.Next(), 1, 65535),
            Orders = Number(args, "--orders", 2000, 1, 1_000_000),
            Rate = Number(args, "--rate", 8.0, 0.1, 1000),
            Kills = Number(args, "--kills", 10, 0, 100),
            StepSeconds = Number(args, "--step-seconds", 3.0, 0.5, 60),
            OutageSeconds = Number(args, "--outage-seconds", 60, 1, 3600),
            Hostile = Number(args, "--hostile", 10_000, 1, 10_000_000),
            ProviderDownMinutes = Number(args, "--provider-down-minutes", 10.0, 0.1, 120),
            SettleMinutes = Number(args, "--settle-minutes", 10.0, 0.5, 120),
            LogDirectory = Text(args, "--log-dir") ?? Path.Combine(Path.GetTempPath(), $"postpurchase-faults-{Environment.ProcessId}"),
        };
    }

    /// <summary>The repository the harness runs in (it holds package.json, beside Azurite's install).</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("The harness must run inside the repository.");
    }

    private static string? Text(string[] args, string name) => Array.IndexOf(args, name) is var i and >= 0 ? args[i + 1] : null;

    private static T Number<T>(string[] args, string name, T fallback, T min, T max) where T : struct, INumber<T>
    {
        if (Text(args, name) is not { } text)
        {
            return fallback;
        }
        return T.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{name} must be a number from {min} to {max}, not '{text}'.");
    }
}
