using CsCheck;

namespace PostPurchase.Core.Tests.Timeline.Properties;

/// <summary>A random order set-up and a random sequence of inputs, as plain numbers that <see cref="ScenarioRunner"/> interprets.</summary>
internal sealed record TimelineScenario(ScenarioSetup Setup, IReadOnlyList<ScenarioStep> Steps)
{
    public override string ToString() => $"{Setup} | {string.Join(" ", Steps)}";
}

internal sealed record ScenarioSetup(bool Sms, bool WhatsApp, bool Marketing, bool HasPhone, int Zone, int Items, int Parcels, bool Reminder, bool TextReviews, int Cap, int StartHours);

/// <summary>One input: <see cref="Kind"/> picks the input type, A-C its arguments; <see cref="AdvanceMinutes"/> moves time first.</summary>
internal sealed record ScenarioStep(int AdvanceMinutes, int Kind, int A, int B, int C)
{
    public override string ToString() => $"+{AdvanceMinutes}m:{Kind}({A},{B},{C})";
}

internal static class TimelineGen
{
    public static readonly Gen<ScenarioSetup> Setup =
        Gen.Select(Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, 9], Gen.Int[0, 4], Gen.Int[1, 7], Gen.Int[0, 2],
            Gen.Select(Gen.Bool, Gen.Bool, Gen.Int[1, 4], Gen.Int[0, 24 * 300]),
            (sms, whatsApp, marketing, phone, zone, items, parcels, rest) =>
                new ScenarioSetup(sms, whatsApp, marketing, phone > 0, zone, items, parcels, rest.Item1, rest.Item2, rest.Item3, rest.Item4));

    public static readonly Gen<ScenarioStep> Step =
        Gen.Select(Gen.Frequency((3, Gen.Int[0, 180]), (2, Gen.Int[180, 60 * 24 * 4]), (1, Gen.Int[60 * 24 * 4, 60 * 24 * 20])),
            Gen.Int[0, 24], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Int[0, 1000],
            (advance, kind, a, b, c) => new ScenarioStep(advance, kind, a, b, c));

    public static readonly Gen<TimelineScenario> Scenario =
        Gen.Select(Setup, Step.Array[1, 30], (setup, steps) => new TimelineScenario(setup, steps));
}
