using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;

namespace PostPurchase.Core.Tests.Studio;

public class StudioValidatorTests
{
    private static readonly StudioSettings Defaults = new();

    [Fact]
    public void Validate_Defaults_NoErrors()
    {
        Assert.Empty(StudioValidator.Validate(Defaults));
    }

    [Fact]
    public void Validate_NegativeReviewDelay_RefusedNamingTheCategory()
    {
        var review = new ReviewPolicy { CategoryDays = new() { ["skincare"] = -3 } };
        var errors = StudioValidator.Validate(Defaults with { Policy = Defaults.Policy with { Review = review } });

        var error = Assert.Single(errors);
        Assert.Equal("policy.review.categoryDays.skincare", error.Path);
        Assert.Contains("cannot be negative (was -3)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EverythingWrongAtOnce_OneErrorPerValue()
    {
        var policy = Defaults.Policy with
        {
            Review = new ReviewPolicy { DefaultDays = 400, LocalHour = 24, ReminderAfterDays = 0 },
            Csat = new CsatPolicy { DaysAfterDelivery = -1, LowScoreAtMost = 5, SkuDays = new() { ["SERUM-30"] = 400 } },
            Delays = new DelayPolicy { NoScanDays = 0, EstimateSlipMarginHours = -2 },
            QuietHours = new QuietHoursPolicy { Default = new QuietHoursRule { EarliestHour = 22, LatestHour = 8 }, Countries = new() { ["France"] = new() } },
            FatigueCapPerDay = 0,
            ReturnWindowDays = 0,
        };

        var paths = StudioValidator.Validate(Defaults with { Policy = policy }).Select(e => e.Path).ToList();

        Assert.Equal(
            ["policy.review.defaultDays", "policy.review.localHour", "policy.review.reminderAfterDays", "policy.csat.daysAfterDelivery",
             "policy.csat.skuDays.SERUM-30", "policy.csat.lowScoreAtMost", "policy.delays.noScanDays", "policy.delays.estimateSlipMarginHours", "policy.quietHours.default",
             "policy.quietHours.countries.France", "policy.fatigueCapPerDay", "policy.returnWindowDays"],
            paths);
    }

    [Theory]
    [InlineData("#ffcc00", "contrast of 1.")]
    [InlineData("yellow", "not a CSS hex colour")]
    public void Validate_UnreadablePrimaryColour_RefusedWithTheRatio(string colour, string expected)
    {
        var errors = StudioValidator.Validate(Defaults with { Branding = Defaults.Branding with { PrimaryColor = colour } });

        var error = Assert.Single(errors);
        Assert.Equal("branding.primaryColor", error.Path);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadContacts_EachNamed()
    {
        var branding = new Branding
        {
            ShopName = " ", LogoUrl = "javascript:alert(1)", SupportEmail = "nobody", SupportPhone = "0612", SenderName = "Shop <x@y>",
            ReturnPolicySummary = new() { ["es"] = "Devoluciones en 30 días." },
        };

        var paths = StudioValidator.Validate(Defaults with { Branding = branding }).Select(e => e.Path).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(["branding.logoUrl", "branding.returnPolicySummary.es", "branding.senderName", "branding.shopName", "branding.supportEmail", "branding.supportPhone"], paths);
    }

    [Fact]
    public void Validate_TemplateThatDoesNotParse_RefusedWithLineAndColumn()
    {
        var templates = new Dictionary<string, string> { ["shipped.email.nl.subject"] = "Pakket {{ order.number }}\nonderweg {% if %}" };

        var error = Assert.Single(StudioValidator.Validate(Defaults with { Templates = templates }));

        Assert.Equal("templates.shipped.email.nl.subject", error.Path);
        Assert.Equal(2, error.Line);
        Assert.True(error.Column > 1, error.ToString());
    }

    [Fact]
    public void Validate_UnknownVariable_RefusedAtItsLine()
    {
        var templates = new Dictionary<string, string> { ["shipped.sms.nl.text"] = "Hallo {{ customer.first_name }},\npakket {{ order.numbr }} is onderweg" };

        var error = Assert.Single(StudioValidator.Validate(Defaults with { Templates = templates }));

        Assert.Equal((2, 8), (error.Line, error.Column));
        Assert.Contains("numbr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadTemplateKey_RefusedWithoutLine()
    {
        var error = Assert.Single(StudioValidator.Validate(Defaults with { Templates = new Dictionary<string, string> { ["shipped.fax.nl.text"] = "x" } }));

        Assert.Null(error.Line);
        Assert.Contains("'fax' is not a channel", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shipped.nl", "HX0123456789abcdef0123456789abcdef", true)]
    [InlineData("shipped", "HX0123456789abcdef0123456789abcdef", true)]
    [InlineData("shipped.xx", "HX0123456789abcdef0123456789abcdef", false)]
    [InlineData("shipped", "SM0123456789abcdef0123456789abcdef", false)]
    public void Validate_WhatsAppTemplateMapping_SidAndKeyChecked(string key, string sid, bool valid)
    {
        var errors = StudioValidator.Validate(Defaults with { WhatsAppTemplates = new Dictionary<string, string> { [key] = sid } });

        Assert.Equal(valid, errors.Count == 0);
    }
}
