using System.Globalization;

namespace PostPurchase.Load;

/// <summary>The driver's command line: every option has a default; a bad value is refused with the option's name.</summary>
internal sealed record LoadSettings(int Orders, int Concurrency, double Speed, double EventGapHours, int IdleSeconds, int Pending, bool StandIn, int TimerSeconds, double Rate)
{
    /// <summary>HTTP mode: the base URL of the runtime that <see cref="Serve"/> starts; null drives the engine in-process.</summary>
    public string? HttpUrl { get; init; }

    /// <summary>HTTP mode: the shell command that starts the runtime (the driver adds storage, email and keys to its environment).</summary>
    public string? Serve { get; init; }

    /// <summary>HTTP mode: where the runtime's output goes.</summary>
    public string? ServeLog { get; init; }

    /// <summary>HTTP mode: seconds counted after the last email, for the work that follows it (read models, history).</summary>
    public int SettleSeconds { get; init; }

    /// <summary>HTTP mode: minutes to wait for the last email after the last order was driven.</summary>
    public int DeadlineMinutes { get; init; }

    /// <summary>Overload mode: the offered loads, in percent of the storage ceiling, of the closed-loop run; empty: not that mode.</summary>
    public IReadOnlyList<int> OverloadLevels { get; init; } = [];

    /// <summary>Overload mode: seconds new orders arrive at each level.</summary>
    public int LevelSeconds { get; init; }

    /// <summary>Overload mode: real milliseconds between an order's carrier webhooks.</summary>
    public int EventGapMs { get; init; }

    /// <summary>Overload mode: the admission target (ms) and hard cap the engine runs with, or no admission control at all.</summary>
    public int AdmissionTargetMs { get; init; }

    public int MaxBacklog { get; init; }

    public bool NoAdmission { get; init; }

    /// <summary>Overload mode: the storage ceiling (writes/s) to offer load against instead of measuring it, so runs compare.</summary>
    public double Ceiling { get; init; }

    public static LoadSettings Parse(string[] args)
    {
        var known = new[] { "--orders", "--concurrency", "--speed", "--event-gap-hours", "--idle-seconds", "--pending", "--timer-seconds", "--stand-in", "--rate",
            "--http", "--serve", "--serve-log", "--settle-seconds", "--deadline-minutes",
            "--overload", "--level-seconds", "--event-gap-ms", "--admission-target-ms", "--max-backlog", "--no-admission", "--ceiling" };
        var values = new[] { "--http", "--serve", "--serve-log", "--overload" };
        for (var i = 0; i < args.Length; i++)
        {
            if (values.Contains(args[i]))
            {
                i++;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && !known.Contains(args[i]))
            {
                throw new ArgumentException($"Unknown option {args[i]}; known: {string.Join(", ", known)}.");
            }
        }

        var standIn = args.Contains("--stand-in");
        var http = Text(args, "--http");
        var serve = Text(args, "--serve");
        if (http is not null && (!Uri.TryCreate(http, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")))
        {
            throw new ArgumentException("--http needs the runtime's base URL, e.g. --http http://127.0.0.1:5281.");
        }
        if ((http is null) != (serve is null))
        {
            throw new ArgumentException("--http and --serve go together: the URL the runtime answers on and the command that starts it.");
        }
        return new LoadSettings(
            Orders: (int)Number(args, "--orders", http is null ? 2_000 : 300, 1),
            Concurrency: (int)Number(args, "--concurrency", 64, 1),
            Speed: standIn || http is not null ? 1 : Number(args, "--speed", 14_400, 1),
            EventGapHours: Number(args, "--event-gap-hours", 4, 0),
            IdleSeconds: (int)Number(args, "--idle-seconds", 60, 1),
            Pending: (int)Number(args, "--pending", 0, 0),
            StandIn: standIn,
            TimerSeconds: (int)Number(args, "--timer-seconds", 3, 1),
            Rate: Number(args, "--rate", http is null ? 0 : 2, http is null ? 0 : 0.01))
        {
            HttpUrl = http,
            Serve = serve,
            ServeLog = Text(args, "--serve-log"),
            SettleSeconds = (int)Number(args, "--settle-seconds", 20, 0),
            DeadlineMinutes = (int)Number(args, "--deadline-minutes", 10, 1),
            OverloadLevels = Levels(Text(args, "--overload")),
            LevelSeconds = (int)Number(args, "--level-seconds", 20, 1),
            EventGapMs = (int)Number(args, "--event-gap-ms", 250, 0),
            AdmissionTargetMs = (int)Number(args, "--admission-target-ms", 500, 1),
            MaxBacklog = (int)Number(args, "--max-backlog", 128, 1),
            NoAdmission = args.Contains("--no-admission"),
            Ceiling = Number(args, "--ceiling", 0, 0),
        };
    }

    private static int[] Levels(string? text)
    {
        if (text is null)
        {
            return [];
        }

        var levels = text.Split(',', StringSplitOptions.TrimEntries);
        return levels.All(l => int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1000)
            ? levels.Select(l => int.Parse(l, CultureInfo.InvariantCulture)).ToArray()
            : throw new ArgumentException("--overload needs percentages of the storage ceiling between 1 and 1000, e.g. --overload 50,80,95,120.");
    }

    private static string? Text(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length && !string.IsNullOrWhiteSpace(args[index + 1])
            ? args[index + 1]
            : throw new ArgumentException($"{name} needs a value.");
    }

    private static double Number(string[] args, string name, double fallback, double minimum)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return fallback;
        }

        if (index + 1 >= args.Length || !double.TryParse(args[index + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new ArgumentException($"{name} needs a number of at least {minimum}, e.g. {name} {fallback}.");
        }

        return value;
    }
}
