using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Studio;

/// <summary>Repeat purchase in the studio's document: its checks, its sentences and its channels.</summary>
public class GrowthSettingsTests
{
    private static StudioSettings With(GrowthPolicy growth) => new() { Policy = new TimelinePolicy { Growth = growth } };

    [Fact]
    public void Validate_GrowthValuesOutOfRange_OneErrorEachByPath()
    {
        var growth = new GrowthPolicy
        {
            Replenishment = new ReplenishmentPolicy { SkuDays = new() { ["SERUM-30"] = 0 }, CategoryDays = new() { ["skincare"] = -5 } },
            WinBack = new WinBackPolicy { DefaultDays = 400, OncePerDays = 0 },
            WeeklyMarketingCap = 0,
            LocalHour = 24,
        };

        var errors = StudioValidator.Validate(With(growth));

        Assert.Equal(
            ["policy.growth.replenishment.skuDays.SERUM-30", "policy.growth.replenishment.categoryDays.skincare", "policy.growth.winBack.defaultDays",
             "policy.growth.winBack.oncePerDays", "policy.growth.weeklyMarketingCap", "policy.growth.localHour"],
            errors.Select(e => e.Path));
        Assert.Contains("cannot be negative (was -5)", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ImportedTestOfOrderNews_RefusedAsTheHostsWouldAtStart()
    {
        var test = new Experiment { Id = "shipped-copy", Intent = Intent.Shipped, Arms = [new ExperimentArm { Name = "a" }, new ExperimentArm { Name = "b" }] };

        var error = Assert.Single(StudioValidator.Validate(With(new GrowthPolicy { Experiments = [test] })));

        Assert.Equal("policy.growth", error.Path);
        Assert.Contains("shipped is news about the order and is never tested", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PostPurchase:Policy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UsagePeriodsAndWinBack_OneSentenceEach()
    {
        var growth = new GrowthPolicy
        {
            Replenishment = new ReplenishmentPolicy { SkuDays = new() { ["SERUM-30"] = 60 }, CategoryDays = new() { ["skincare"] = 45, ["haircare"] = 45 } },
            WinBack = new WinBackPolicy { CategoryDays = new() { ["cosmetics"] = 90 }, OncePerDays = 180 },
            WeeklyMarketingCap = 2,
        };

        var sentences = GrowthSentences.Describe(growth);

        Assert.Equal(
            ["SKU SERUM-30 lasts 60 days: a reorder reminder 60 days after delivery at 10:00 local time, times the quantity bought.",
             "Haircare, skincare: lasts 45 days, a reorder reminder 45 days after delivery at 10:00 local time, times the quantity bought.",
             "Win-back when a buyer has not ordered again since delivery: cosmetics after 90 days; nothing for other products (at 10:00 local time), at most once in 180 days per buyer.",
             "No referral invitations.",
             "At most 2 marketing messages (surveys, reviews and promotions) per buyer in any 7 days across all their orders; one held back waits up to 14 days."],
            sentences);
    }

    [Fact]
    public void Describe_Defaults_NoReorderNoWinBack()
    {
        var sentences = TimingSentences.Describe(TimelinePolicy.Default);

        Assert.Contains("No reorder reminders: no SKU or category has a usage period.", sentences);
        Assert.Contains("No win-back message.", sentences);
    }

    [Fact]
    public void With_WinBackEmailOff_NotPlannedAndSaidSo()
    {
        var policy = ChannelFlows.With(TimelinePolicy.Default, new Dictionary<(Intent, Channel), bool> { [(Intent.WinBack, Channel.Email)] = false });

        Assert.False(ChannelFlows.IsOn(policy, Intent.WinBack, Channel.Email));
        Assert.True(ChannelFlows.IsOn(policy, Intent.ReplenishmentReminder, Channel.Email));
        Assert.Equal("Win back: not sent.", ChannelFlows.Describe(policy, Intent.WinBack));
    }

    [Fact]
    public void Normalized_ImportedGrowthWithoutSections_DefaultsAndCaseInsensitiveTables()
    {
        var imported = StudioJson.Read("""{ "policy": { "growth": { "replenishment": { "skuDays": { "serum-30": 60 } }, "winBack": null } } }""");

        var growth = Assert.IsType<StudioSettings>(imported.Settings).Normalized().Policy.Growth;

        Assert.Equal(60, growth.Replenishment.SkuDays["SERUM-30"]);
        Assert.Equal(new WinBackPolicy().OncePerDays, growth.WinBack.OncePerDays);
        Assert.Empty(imported.Errors);
    }
}
