using CsCheck;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Growth.Properties;

public class GrowthPropertyTests
{
    // POSTPURCHASE_PROPERTY_ITERATIONS raises the count for a longer hunt (e.g. before a release).
    private static readonly int Iterations =
        int.TryParse(Environment.GetEnvironmentVariable("POSTPURCHASE_PROPERTY_ITERATIONS"), out var n) && n > 0 ? n : 200;

    private static void ForAll(Action<BuyerScenario, BuyerRunner> property) =>
        BuyerGen.Scenario.Sample(scenario => property(scenario, BuyerRunner.Run(scenario)), iter: Iterations, threads: 1);

    [Fact]
    public void Decide_AnyBuyerInputs_NoMarketingWithoutMarketingConsent() => ForAll((_, run) =>
    {
        foreach (var release in run.Released)
        {
            var message = release.Message;
            var needs = message.Purpose == MessagePurpose.Promotion || (message.Purpose == MessagePurpose.Marketing && message.Channel != Channel.Email);
            Assert.False(needs && !release.MarketingConsent, $"{message.Key} went out at {release.Now:o} without marketing consent");
        }
    });

    [Fact]
    public void Decide_AnyBuyerInputs_NeverMoreMarketingInSevenDaysThanTheCap() => ForAll((scenario, run) =>
    {
        // One buyer, every order: each marketing update counts once (its first channel), resends are the merchant's own request.
        var updates = run.Released
            .Where(r => r.Message.Purpose != MessagePurpose.Transactional && !MessageKey.IsResend(r.Message.Key))
            .GroupBy(r => MessageKey.UpdateOf(r.Message.Key))
            .Select(g => (Update: g.Key, At: g.Min(r => r.Now)))
            .ToList();
        foreach (var (update, at) in updates)
        {
            var inWindow = updates.Count(u => u.At > at - CapWindow.Length && u.At <= at);
            Assert.True(inWindow <= scenario.Setup.Cap, $"{inWindow} marketing updates in the 7 days up to {update} at {at:o}, cap {scenario.Setup.Cap}");
        }
    });

    [Fact]
    public void Decide_AnyBuyerInputs_TransactionalNeverHeldByTheMarketingCap() => ForAll((_, run) =>
    {
        foreach (var message in run.Orders.SelectMany(o => o.Messages).Where(m => m.Purpose == MessagePurpose.Transactional))
        {
            Assert.NotEqual(SuppressionReason.WeeklyCap, message.Reason);
            Assert.False(message.Facts?.ContainsKey(WeeklyCap.HeldSinceFact) == true, $"{message.Key} waited for the weekly cap");
        }
    });

    [Fact]
    public void Decide_AnyBuyerInputs_HoldoutArmSendsNothingOfTheTest() => ForAll((_, run) =>
    {
        var held = run.Orders.SelectMany(o => o.Experiments.Where(a => a.Arm == "holdout").Select(_ => o.Order.OrderId)).ToHashSet();
        Assert.DoesNotContain(run.Released, r => r.Message.Intent == Intent.ReplenishmentReminder && held.Contains(r.Message.Key.Split(':')[0]));
    });

    [Fact]
    public void Decide_AnyBuyerInputs_SomeScenariosSendPromotions()
    {
        // Guards the generator: the properties above mean little if no promotion ever goes out.
        var promotions = 0;
        BuyerGen.Scenario.Sample(s => promotions += BuyerRunner.Run(s).Released.Count(r => r.Message.Purpose == MessagePurpose.Promotion), iter: 100, threads: 1, seed: "0N0XIzNsQ0O2");
        Assert.True(promotions > 20, $"only {promotions} promotions in 100 scenarios");
    }
}
