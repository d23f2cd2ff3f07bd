using PostPurchase.Core.Messages;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Messages;

public class MessageComposerTests
{
    private static readonly MessageComposer Composer = new(new Branding { ShopName = "Groene Zeep", SupportEmail = "help@groenezeep.nl", SupportPhone = "+31201234567" });

    public static TheoryData<string, Intent, Channel> AllCombinations => MessageScenario.AllCombinations();

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Compose_EveryIntentChannelLocale_RendersCompleteText(string locale, Intent intent, Channel channel)
    {
        var state = MessageScenario.State(MessageScenario.Order(locale));

        var rendered = Composer.Compose(MessageScenario.Message(intent, channel, locale), state, MessageScenario.Links);

        AssertClean(rendered.Text);
        if (channel != Channel.Sms)
            Assert.Contains("PP-10023", rendered.Text, StringComparison.Ordinal);
        if (channel == Channel.Email)
        {
            AssertClean(rendered.Subject!);
            AssertClean(rendered.Html!);
            Assert.StartsWith("<!DOCTYPE html>", rendered.Html, StringComparison.Ordinal);
            Assert.Contains($"lang=\"{locale}\"", rendered.Html, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", rendered.Subject!, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(rendered.Subject);
            Assert.Null(rendered.Html);
        }
        if (channel == Channel.WhatsApp)
        {
            Assert.Equal(["1", "2", "3", "4", "5"], rendered.TemplateVariables!.Keys.Order());
            Assert.All(rendered.TemplateVariables.Values, v => Assert.False(string.IsNullOrWhiteSpace(v)));
        }
    }

    [Theory]
    [MemberData(nameof(AllCombinations))]
    public void Compose_NoFactsAndNoParcels_StillRendersSensibly(string locale, Intent intent, Channel channel)
    {
        var state = MessageScenario.State(MessageScenario.Order(locale)) with { Parcels = [] };
        var message = MessageScenario.Message(intent, channel, locale, new Dictionary<string, string>());

        var rendered = Composer.Compose(message, state, MessageScenario.Links);

        AssertClean(rendered.Text);
        if (rendered.Html is not null)
            AssertClean(rendered.Html);
        Assert.DoesNotContain(" .", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("()", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OrderConfirmation_ShowsEverythingABuyerChecks()
    {
        var order = MessageScenario.Order("en");
        var composer = new MessageComposer(new Branding { ShopName = "Groene Zeep", SupportEmail = "help@groenezeep.nl", ReturnPolicyUrl = "https://groenezeep.nl/returns" });

        var rendered = composer.Compose(MessageScenario.Message(Intent.OrderConfirmation, Channel.Email, "en"), MessageScenario.State(order), MessageScenario.Links);

        foreach (var body in new[] { rendered.Html!, rendered.Text })
        {
            string[] expected =
            [
                "PP-10023", "Hydrating serum 30 ml", "Organic T-shirt, black, M", "€34.95", "€39.00", // 2 x 19.50
                "Damrak 1", "1012 LG Amsterdam", "Anna de Vries", "iDEAL",
                "€73.95", "-€5.00", "€4.95", "€73.90", "€12.83", // subtotal, discount, shipping, total, VAT
                "Friday 6 March", // promised delivery, Europe/Amsterdam
                MessageScenario.Links.TrackingUrl, "help@groenezeep.nl", "https://groenezeep.nl/returns",
                "return unused items within 30 days",
            ];
            Assert.All(expected, fact => Assert.Contains(fact, body, StringComparison.Ordinal));
        }
        Assert.Equal("Thank you for your order PP-10023", rendered.Subject);
        Assert.Contains("Subtotal: €73.95\nDiscount: -€5.00\nShipping: €4.95\nTotal: €73.90 (Including VAT €12.83)", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TaxAddedAndFreeShipping_ShowsTaxLineAndFree()
    {
        var order = MessageScenario.Order("en", "USD") with { Totals = new OrderTotals(100m, 0m, 0m, 8.25m, 108.25m) };

        var rendered = Composer.Compose(MessageScenario.Message(Intent.OrderConfirmation, Channel.Email, "en"), MessageScenario.State(order), MessageScenario.Links);

        Assert.Contains("Subtotal: $100.00\nShipping: Free\nTax: $8.25\nTotal: $108.25\n", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Discount", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Including VAT", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ReturnPolicySummaryForLocale_ReplacesBuiltInText()
    {
        var branding = new Branding { ReturnPolicySummary = { ["nl"] = "Retourneren kan 60 dagen lang, gratis." } };

        var rendered = new MessageComposer(branding).Compose(
            MessageScenario.Message(Intent.OrderConfirmation, Channel.Email, "nl"), MessageScenario.State(MessageScenario.Order("nl")), MessageScenario.Links);

        Assert.Contains("Retourneren kan 60 dagen lang, gratis.", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ShippedPartialParcel_ListsOnlyItsItemsWithCarrierAndLink()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Email, "en"), MessageScenario.State(MessageScenario.Order("en")), MessageScenario.Links);

        Assert.Contains("- 1 x Hydrating serum 30 ml", rendered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("T-shirt", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("part of your order has been handed over to PostNL", rendered.Text, StringComparison.Ordinal);
        Assert.Contains(MessageScenario.TrackingNumber, rendered.Html, StringComparison.Ordinal);
        Assert.Contains("https://jouw.postnl.nl/track-and-trace/3SPOSTNL0123456789", rendered.Html, StringComparison.Ordinal);
        Assert.Contains(MessageScenario.Links.TrackingUrl, rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ParcelWithoutSkus_SaysWholeOrder()
    {
        var state = MessageScenario.State(MessageScenario.Order("en"));
        state = state with { Parcels = [state.Parcels[0] with { Skus = [] }] };

        var rendered = Composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Email, "en"), state, MessageScenario.Links);

        Assert.Contains("This parcel contains your entire order.", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("T-shirt", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ReviewRequest_LinksEachItemToItsProductPage()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.ReviewRequest, Channel.Email, "en"), MessageScenario.State(MessageScenario.Order("en")), MessageScenario.Links);

        Assert.Contains("href=\"https://shop.example/p/SERUM-30\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://shop.example/p/TEE-M-BLK\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains($"href=\"{MessageScenario.Links.ReviewUrl}\"", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CsatSurvey_LinksTheSurvey()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.CsatSurvey, Channel.Sms, "de"), MessageScenario.State(MessageScenario.Order("de")), MessageScenario.Links);

        Assert.Contains(MessageScenario.Links.CsatUrl!, rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Branding_AppearsInHtmlFrame()
    {
        var branding = new Branding { ShopName = "Groene Zeep", LogoUrl = "https://cdn.groenezeep.nl/logo.png", PrimaryColor = "#2E7D32", SupportPhone = "+31201234567" };

        var rendered = new MessageComposer(branding).Compose(
            MessageScenario.Message(Intent.Delivered, Channel.Email, "nl"), MessageScenario.State(MessageScenario.Order("nl")), MessageScenario.Links);

        Assert.Contains("src=\"https://cdn.groenezeep.nl/logo.png\" alt=\"Groene Zeep\"", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("background:#2E7D32", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("tel:+31201234567", System.Net.WebUtility.HtmlDecode(rendered.Html), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnsupportedLocale_FallsBackToEnglish()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Email, "es-ES"), MessageScenario.State(MessageScenario.Order("en")), MessageScenario.Links);

        Assert.Equal("Your order PP-10023 is on its way", rendered.Subject);
    }

    [Fact]
    public void Compose_FactNotIso8601_ThrowsNamingTheFact()
    {
        var message = MessageScenario.Message(Intent.DelayOverdue, Channel.Email, "en", new Dictionary<string, string> { ["promisedBy"] = "next Tuesday" });

        var error = Assert.Throws<FormatException>(() => Composer.Compose(message, MessageScenario.State(MessageScenario.Order("en")), MessageScenario.Links));

        Assert.Contains("promisedBy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DelayFacts_AreShownInBuyersZoneAndLanguage()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.DelayEstimateSlipped, Channel.Email, "de"), MessageScenario.State(MessageScenario.Order("de")), MessageScenario.Links);

        Assert.Contains("Montag, 9. März", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Freitag, 6. März", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Delivered_LeavesOutTheStaleEstimate()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.Delivered, Channel.Email, "en"), MessageScenario.State(MessageScenario.Order("en")), MessageScenario.Links);

        Assert.DoesNotContain("Expected delivery", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("The rest of your order is still on its way.", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_French_PutsANonBreakingSpaceBeforeColons()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Email, "fr"), MessageScenario.State(MessageScenario.Order("fr")), MessageScenario.Links);

        Assert.Contains("Numéro de commande\u00A0: PP-10023", rendered.Text, StringComparison.Ordinal);
    }

    internal static void AssertClean(string text)
    {
        Assert.False(string.IsNullOrWhiteSpace(text));
        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{%", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Liquid error", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("  ", text.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
