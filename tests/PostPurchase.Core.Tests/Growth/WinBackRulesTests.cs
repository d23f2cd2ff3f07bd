using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using static PostPurchase.Core.Tests.Growth.GrowthSetup;

namespace PostPurchase.Core.Tests.Growth;

public class WinBackRulesTests
{
    private static readonly DateTimeOffset DayNinety = new(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(2)); // 90 local days after 4 March

    private static Core.Policies.TimelinePolicy WinBack(string? code = "COMEBACK10") => Policy(g => g with
    {
        Replenishment = new ReplenishmentPolicy(),
        WinBack = new WinBackPolicy
        {
            CategoryDays = new(StringComparer.OrdinalIgnoreCase) { ["skincare"] = 90 },
            IncentiveCode = code,
            LandingUrl = "https://shop.example/discount/{code}",
        },
    });

    [Fact]
    public void Decide_NoOrderForNinetyDays_SendsOneWinBackWithTheIncentive()
    {
        var timeline = Delivered(WinBack());

        timeline.RunToEnd();

        var winBack = timeline.Single(Intent.WinBack);
        Assert.Equal(DayNinety, timeline.SentAt[winBack.Key]);
        Assert.Equal("COMEBACK10", winBack.Facts!["incentiveCode"]);
        Assert.Equal("https://shop.example/discount/COMEBACK10", winBack.Facts["landingUrl"]);
        Assert.Single(timeline.SentOf(Intent.WinBack));
    }

    [Fact]
    public void Decide_LaterOrderBeforeTheDay_CancelsTheWinBack()
    {
        var timeline = Delivered(WinBack());

        var reorder = timeline.At(DayNinety.AddDays(-20), new BuyerOrdered("PP-LATER", DayNinety.AddDays(-20), ["MASK-50"], 24.95m, "EUR"));
        timeline.RunToEnd();

        Assert.Equal(SuppressionReason.Reordered, Only(reorder, Intent.WinBack).Reason);
        Assert.Empty(timeline.SentOf(Intent.WinBack));
    }

    [Fact]
    public void Decide_WinBackFromAnotherOrderWithinThePeriod_RecordsOncePerPeriod()
    {
        var timeline = Delivered(WinBack());
        var earlier = new MarketingSend("PP-OLDER:win-back", Intent.WinBack, DayNinety.AddDays(-30));

        timeline.RunUntil(DayNinety.AddDays(-1)).Refresh(new BuyerActivity { LastWinBack = earlier });
        timeline.RunToEnd();

        Assert.Empty(timeline.SentOf(Intent.WinBack));
        Assert.Equal(SuppressionReason.OncePerPeriod, Assert.Single(timeline.Suppressed, m => m.Intent == Intent.WinBack).Reason);
    }

    [Fact]
    public void Decide_WinBackFromAnotherOrderBeforeThePeriod_SendsAgain()
    {
        var timeline = Delivered(WinBack());
        var longAgo = new MarketingSend("PP-OLDER:win-back", Intent.WinBack, DayNinety.AddDays(-181));

        timeline.RunUntil(DayNinety.AddDays(-1)).Refresh(new BuyerActivity { LastWinBack = longAgo });
        timeline.RunToEnd();

        Assert.Single(timeline.SentOf(Intent.WinBack));
    }

    [Fact]
    public void Reserve_SecondWinBackWithinThePeriod_IsRefusedAndTheFirstKept()
    {
        var policy = WinBack().Growth;
        var first = new MarketingSend("PP-1:win-back", Intent.WinBack, DayNinety);
        var second = new MarketingSend("PP-2:win-back", Intent.WinBack, DayNinety.AddDays(100));

        var afterFirst = MarketingLedger.Reserve(new BuyerActivity(), [first], DayNinety, policy);
        var afterSecond = MarketingLedger.Reserve(afterFirst, [second], second.At, policy);
        var afterRetry = MarketingLedger.Reserve(afterFirst, [first], DayNinety.AddMinutes(5), policy);

        Assert.Equal(first, afterSecond.LastWinBack);
        Assert.DoesNotContain(afterSecond.RecentMarketing, s => s.Update == second.Update);
        Assert.Equal(afterFirst.RecentMarketing, afterRetry.RecentMarketing);
    }

    [Fact]
    public void Decide_WithoutIncentiveArm_SendsTheWinBackWithoutCode()
    {
        var test = new Experiment
        {
            Id = "winback-incentive",
            Intent = Intent.WinBack,
            Arms = [new ExperimentArm { Name = "no-code", WithoutIncentive = true }],
        };
        var policy = WinBack() with { Growth = WinBack().Growth with { Experiments = [test] } };
        var timeline = Delivered(policy);

        timeline.RunToEnd();

        var winBack = timeline.Single(Intent.WinBack);
        Assert.False(winBack.Facts!.ContainsKey("incentiveCode"));
        Assert.Equal("no-code", winBack.Facts["arm"]);
    }
}
