using CsCheck;

namespace PostPurchase.Core.Tests.Growth.Properties;

/// <summary>One buyer with up to three orders and a random sequence of inputs across them, as plain numbers that <see cref="BuyerRunner"/> interprets.</summary>
internal sealed record BuyerScenario(BuyerSetup Setup, IReadOnlyList<BuyerStep> Steps)
{
    public override string ToString() => $"{Setup} | {string.Join(" ", Steps)}";
}

/// <param name="Checkout">Bit i: order i was placed with marketing consent.</param>
internal sealed record BuyerSetup(int Checkout, int Cap, int UsageDays, int WinBackDays, bool Referral, bool TextPromotions, bool Holdout, int Zone);

/// <summary>One input to order <see cref="Order"/> (modulo the orders placed); <see cref="AdvanceMinutes"/> moves time first (never zero, so consent changes never tie).</summary>
internal sealed record BuyerStep(int AdvanceMinutes, int Order, int Kind, int A, int B)
{
    public override string ToString() => $"+{AdvanceMinutes}m:o{Order}:{Kind}({A},{B})";
}

internal static class BuyerGen
{
    public static readonly Gen<BuyerSetup> Setup =
        Gen.Select(Gen.Int[0, 7], Gen.Int[1, 3], Gen.Int[5, 40], Gen.Int[10, 60], Gen.Bool, Gen.Bool, Gen.Bool, Gen.Int[0, 4],
            (checkout, cap, usage, winBack, referral, texts, holdout, zone) => new BuyerSetup(checkout, cap, usage, winBack, referral, texts, holdout, zone));

    public static readonly Gen<BuyerStep> Step =
        Gen.Select(Gen.Frequency((3, Gen.Int[1, 600]), (2, Gen.Int[600, 60 * 24 * 4]), (2, Gen.Int[60 * 24 * 4, 60 * 24 * 25])),
            Gen.Int[0, 2], Gen.Int[0, 13], Gen.Int[0, 1000], Gen.Int[0, 1000],
            (advance, order, kind, a, b) => new BuyerStep(advance, order, kind, a, b));

    public static readonly Gen<BuyerScenario> Scenario =
        Gen.Select(Setup, Step.Array[1, 40], (setup, steps) => new BuyerScenario(setup, steps));
}
