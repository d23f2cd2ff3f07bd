using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;
using PostPurchase.Web.Studio;

namespace PostPurchase.Web.Tests.Studio;

public class FlowsFormTests
{
    private static FormCollection Form(Dictionary<string, string> values)
    {
        var fields = new Dictionary<string, StringValues>
        {
            ["review.enabled"] = "on", ["csat.enabled"] = "on", ["csat.daysAfterDelivery"] = "2", ["csat.lowScoreAtMost"] = "3",
            ["review.defaultDays"] = "10", ["review.localHour"] = "10", ["review.reminderAfterDays"] = "", ["review.missingDeliveryGraceDays"] = "5",
            ["review.categoryDays"] = "skincare = 28\napparel = 7", ["review.skuDays"] = "", ["delays.noScanDays"] = "3",
            ["delays.estimateSlipMarginHours"] = "12", ["delays.notShippedGraceHours"] = "0", ["delays.overdueGraceHours"] = "0",
            ["quiet.earliestHour"] = "8", ["quiet.latestHour"] = "21", ["quiet.countries"] = "FR = 8-22, no sundays, no holidays",
            ["fatigueCapPerDay"] = "3", ["returnWindowDays"] = "30", ["flow.shipped.email"] = "on", ["flow.shipped.whatsapp"] = "on",
            ["growth.replenishment.skuDays"] = "", ["growth.replenishment.categoryDays"] = "", ["growth.winBack.categoryDays"] = "",
            ["growth.winBack.defaultDays"] = "", ["growth.winBack.oncePerDays"] = "180", ["growth.weeklyMarketingCap"] = "3", ["growth.localHour"] = "10",
        };
        foreach (var (key, value) in values)
            fields[key] = value;
        return new FormCollection(fields);
    }

    [Fact]
    public void Read_CompleteForm_PolicyWithTheMatrixAndTables()
    {
        var errors = new List<SettingsError>();

        var policy = FlowsForm.Read(Form([]), TimelinePolicy.Default, errors);

        Assert.Empty(errors);
        Assert.True(ChannelFlows.IsOn(policy, Intent.Shipped, Channel.WhatsApp));
        Assert.False(ChannelFlows.IsOn(policy, Intent.Shipped, Channel.Sms));
        Assert.False(ChannelFlows.IsOn(policy, Intent.Delivered, Channel.Email));
        Assert.Equal(28, policy.Review.CategoryDays["Skincare"]);
        Assert.Equal(new QuietHoursRule { EarliestHour = 8, LatestHour = 22, NoSundays = true, NoPublicHolidays = true }, policy.QuietHours.Countries["fr"]);
        Assert.Null(policy.Review.ReminderAfterDays);
    }

    [Fact]
    public void Read_UnreadableValues_OneErrorEachNamingTheLine()
    {
        var errors = new List<SettingsError>();

        FlowsForm.Read(Form(new() { ["review.categoryDays"] = "skincare = 28\nbeauty: 20", ["fatigueCapPerDay"] = "three", ["quiet.countries"] = "FR 8 to 22" }), TimelinePolicy.Default, errors);

        Assert.Equal(
            ["policy.review.categoryDays: Line 2: write 'name = days', such as 'skincare = 28' (was 'beauty: 20').",
             "policy.quietHours.countries: Line 1: write 'FR = 8-22, no sundays, no holidays' (was 'FR 8 to 22').",
             "policy.fatigueCapPerDay: Write a whole number, such as 14 (was 'three')."],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Read_RepeatPurchase_UsagePeriodsWinBackCapAndTheNewMessagesChannels()
    {
        var errors = new List<SettingsError>();
        var form = Form(new()
        {
            ["growth.replenishment.skuDays"] = "SERUM-30 = 60", ["growth.replenishment.categoryDays"] = "haircare = 45",
            ["growth.winBack.categoryDays"] = "cosmetics = 90", ["growth.winBack.defaultDays"] = "120", ["growth.weeklyMarketingCap"] = "2",
            ["flow.replenishment-reminder.email"] = "on",
        });

        var policy = FlowsForm.Read(form, TimelinePolicy.Default, errors);

        Assert.Empty(errors);
        Assert.Equal(60, policy.Growth.Replenishment.SkuDays["serum-30"]);
        Assert.Equal(45, policy.Growth.Replenishment.CategoryDays["Haircare"]);
        Assert.Equal((90, 120), (policy.Growth.WinBack.CategoryDays["cosmetics"], policy.Growth.WinBack.DefaultDays));
        Assert.Equal(2, policy.Growth.WeeklyMarketingCap);
        Assert.True(ChannelFlows.IsOn(policy, Intent.ReplenishmentReminder, Channel.Email));
        Assert.False(ChannelFlows.IsOn(policy, Intent.WinBack, Channel.Email));
    }

    [Fact]
    public void Read_RepeatPurchaseUnreadable_ErrorsByPolicyPath()
    {
        var errors = new List<SettingsError>();

        FlowsForm.Read(Form(new() { ["growth.replenishment.skuDays"] = "SERUM-30 60", ["growth.weeklyMarketingCap"] = "" }), TimelinePolicy.Default, errors);

        Assert.Equal(["policy.growth.replenishment.skuDays", "policy.growth.weeklyMarketingCap"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Lines_ThenRead_SameTable()
    {
        var errors = new List<SettingsError>();
        var text = FlowsForm.Lines(TimelinePolicy.Default.Review.CategoryDays);

        var policy = FlowsForm.Read(Form(new() { ["review.categoryDays"] = text }), TimelinePolicy.Default, errors);

        Assert.Empty(errors);
        Assert.Equal(TimelinePolicy.Default.Review.CategoryDays.OrderBy(c => c.Key), policy.Review.CategoryDays.OrderBy(c => c.Key));
    }

    [Theory]
    [InlineData("shipped", "sms", "nl", "subject", "shipped.sms.nl.text")]
    [InlineData("nonsense", "fax", "xx", "html", "shipped.email.en.html")]
    [InlineData("review-request", "email", "de", "", "review-request.email.de.subject")]
    public void From_AnyQuery_AKeyTheComposerReads(string intent, string channel, string locale, string part, string key)
    {
        var values = new Dictionary<string, string> { ["intent"] = intent, ["channel"] = channel, ["locale"] = locale, ["part"] = part };

        Assert.Equal(key, TemplateTarget.From(n => values[n]).Key);
    }
}
