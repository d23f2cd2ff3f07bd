using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Studio;

public class SettingsDocumentTests
{
    [Fact]
    public void Between_OneSubjectChanged_OneChangeWithBothValues()
    {
        var before = new StudioSettings();
        var after = before with { Templates = new Dictionary<string, string> { ["shipped.email.nl.subject"] = "Onderweg!" } };

        var change = Assert.Single(SettingsDiff.Between(before, after));

        Assert.Equal(new SettingsChange("templates.shipped.email.nl.subject", null, "Onderweg!"), change);
    }

    [Fact]
    public void Between_ReviewDelayChanged_PathOfTheCategory()
    {
        var before = new StudioSettings();
        var review = before.Policy.Review with { CategoryDays = new(before.Policy.Review.CategoryDays) { ["skincare"] = 14 } };

        var change = Assert.Single(SettingsDiff.Between(before, before with { Policy = before.Policy with { Review = review } }));

        Assert.Equal(new SettingsChange("policy.review.categoryDays.skincare", "28", "14"), change);
    }

    [Fact]
    public void Read_WrittenDocument_SameSettingsWithCaseInsensitiveLookups()
    {
        var settings = new StudioSettings
        {
            Policy = ChannelFlows.With(TimelinePolicy.Default, new Dictionary<(Intent, Channel), bool> { [(Intent.Shipped, Channel.Sms)] = false }),
            Templates = new Dictionary<string, string> { ["shipped.email.nl.subject"] = "Onderweg: {{ order.number }}" },
        };

        var (read, errors) = StudioJson.Read(StudioJson.Write(settings));

        Assert.Empty(errors);
        Assert.Empty(SettingsDiff.Between(settings, read!));
        Assert.Equal(28, read!.Policy.Review.CategoryDays["SkinCare"]);
        Assert.False(ChannelFlows.IsOn(read.Policy, Intent.Shipped, Channel.Sms));
        Assert.True(ChannelFlows.IsOn(read.Policy, Intent.Shipped, Channel.WhatsApp));
    }

    [Fact]
    public void Read_MalformedJson_ErrorWithLineAndNothingRead()
    {
        var (settings, errors) = StudioJson.Read("{\n  \"policy\": {\n    \"fatigueCapPerDay\": \"three\"\n  }\n}");

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.Equal("policy.fatigueCapPerDay", error.Path);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Read_ValidJsonWithBadValues_EveryErrorAndNothingRead()
    {
        var (settings, errors) = StudioJson.Read("""{"policy":{"review":{"defaultDays":-1}},"templates":{"shipped.sms.nl.text":"{{ nope }}"}}""");

        Assert.Null(settings);
        Assert.Equal(["policy.review.defaultDays", "templates.shipped.sms.nl.text"], errors.Select(e => e.Path));
    }

    [Fact]
    public void With_EmailOffForDelivered_OnlyThatChannelOff()
    {
        var policy = ChannelFlows.With(TimelinePolicy.Default, new Dictionary<(Intent, Channel), bool>
        {
            [(Intent.Delivered, Channel.Email)] = false,
            [(Intent.ReviewRequest, Channel.Sms)] = true,
        });

        Assert.False(ChannelFlows.IsOn(policy, Intent.Delivered, Channel.Email));
        Assert.True(ChannelFlows.IsOn(policy, Intent.Delivered, Channel.Sms));
        Assert.True(ChannelFlows.IsOn(policy, Intent.ReviewRequest, Channel.Sms));
        Assert.False(ChannelFlows.IsOn(policy, Intent.ReviewRequest, Channel.WhatsApp));
        Assert.Equal("Review request: email and SMS (texts with the buyer's consent).", ChannelFlows.Describe(policy, Intent.ReviewRequest));
    }

    [Theory]
    [InlineData("#ffffff", "#000000", 21.0)]
    [InlineData("#ffffff", "#1f6feb", 4.6)]
    [InlineData("#fff", "#777", 4.5)]
    public void Ratio_KnownPairs_WcagValues(string a, string b, double expected)
    {
        Assert.Equal(expected, Math.Round(ColorContrast.Ratio(a, b), 1));
    }
}
