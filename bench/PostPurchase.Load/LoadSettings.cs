using System.Globalization;

namespace PostPurchase.Load;

/// <summary>The driver's command line: every option has a default; a bad value is refused with the option's name.</summary>
internal sealed record LoadSettings(int Orders, int Concurrency, double Speed, double EventGapHours, int IdleSeconds, int Pending, bool StandIn, int TimerSeconds, double Rate)
{
    public static LoadSettings Parse(string[] args)
    {
        var known = new[] { "--orders", "--concurrency", "--speed", "--event-gap-hours", "--idle-seconds", "--pending", "--timer-seconds", "--stand-in", "--rate" };
        foreach (var arg in args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && !known.Contains(a)))
        {
            throw new ArgumentException($"Unknown option {arg}; known: {string.Join(", ", known)}.");
        }

        var standIn = args.Contains("--stand-in");
        return new LoadSettings(
            Orders: (int)Number(args, "--orders", 2_000, 1),
            Concurrency: (int)Number(args, "--concurrency", 64, 1),
            Speed: standIn ? 1 : Number(args, "--speed", 14_400, 1),
            EventGapHours: Number(args, "--event-gap-hours", 4, 0),
            IdleSeconds: (int)Number(args, "--idle-seconds", 60, 1),
            Pending: (int)Number(args, "--pending", 0, 0),
            StandIn: standIn,
            TimerSeconds: (int)Number(args, "--timer-seconds", 3, 1),
            Rate: Number(args, "--rate", 0, 0));
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
