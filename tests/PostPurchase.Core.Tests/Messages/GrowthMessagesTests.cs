using PostPurchase.Core.Growth;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Messages;

public class GrowthMessagesTests
{
    private static readonly MessageComposer Composer = new(new Branding { ShopName = "Groene Zeep", SupportEmail = "help@groenezeep.nl" });

    private static readonly MessageLinks Measured = MessageScenario.Links with
    {
        Measure = (key, link) => $"https://track.example-shop.com/l/{Uri.EscapeDataString(key ?? "page")}/{Uri.EscapeDataString(link)}",
    };

    private static TimelineState Returning(string locale, int orderNumber, LoyaltyStatus? loyalty = null)
    {
        var order = MessageScenario.Order(locale);
        var customer = order.Customer with { Loyalty = loyalty };
        return MessageScenario.State(order with { Customer = customer }) with
        {
            Buyer = new BuyerFacts("buyer-key", orderNumber, order.PlacedAt.AddDays(-200), order.PlacedAt.AddDays(-40), ["skincare"]),
        };
    }

    [Theory]
    [InlineData("en", "Welcome back! This is your order number 3 with us.")]
    [InlineData("nl", "Fijn dat je er weer bent! Dit is je bestelling nummer 3 bij ons.")]
    [InlineData("de", "Dies ist Ihre 3. Bestellung bei uns.")]
    public void Compose_ReturningBuyerConfirmation_GreetsThemBack(string locale, string expected)
    {
        foreach (var channel in Enum.GetValues<Channel>().Where(c => c != Channel.Sms))
        {
            var rendered = Composer.Compose(MessageScenario.Message(Intent.OrderConfirmation, channel, locale), Returning(locale, 3), MessageScenario.Links);

            Assert.Contains(expected, rendered.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compose_FirstOrderConfirmation_DoesNotGreetAsReturning()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.OrderConfirmation, Channel.Email, "en"), Returning("en", 1), MessageScenario.Links);

        Assert.DoesNotContain("Welcome back", rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_Referral_ShowsCodeRewardLoyaltyAndAMeasuredButton()
    {
        var message = MessageScenario.Message(Intent.ReferralInvite, Channel.Email, "en");

        var rendered = Composer.Compose(message, Returning("en", 2, new LoyaltyStatus(1250, "Gold")), Measured);

        Assert.Contains("FRIEND-7K2M9QXA", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("10% off for your friend", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Your points: 1,250 (Gold).", rendered.Text, StringComparison.Ordinal);
        Assert.Contains($"https://track.example-shop.com/l/{Uri.EscapeDataString(message.Key)}/cta", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://shop.example/?ref=", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ReplenishmentSms_CarriesTheMeasuredReorderLink()
    {
        var message = MessageScenario.Message(Intent.ReplenishmentReminder, Channel.Sms, "nl");

        var rendered = Composer.Compose(message, Returning("nl", 2), Measured);

        Assert.Contains($"/l/{Uri.EscapeDataString(message.Key)}/cta", rendered.Text, StringComparison.Ordinal);
        Assert.EndsWith("STOP", rendered.Text.Split(' ').First(w => w.StartsWith("STOP", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_TransactionalMessage_IsNeverMeasured()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Email, "en"), Returning("en", 2), Measured);

        Assert.DoesNotContain("/l/", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_DeliveredWithRecommendations_ListsThemWithMeasuredLinks()
    {
        RecommendedProduct[] products = [new() { Sku = "MASK-50", Name = "Night mask 50 ml", Url = "https://shop.example/p/mask", ImageUrl = "https://shop.example/img/mask.jpg" }];
        var facts = new Dictionary<string, string>(MessageScenario.Facts(Intent.Delivered)) { [Recommendations.Fact] = Recommendations.ToFact(products) };
        var message = MessageScenario.Message(Intent.Delivered, Channel.Email, "fr", facts);

        var rendered = Composer.Compose(message, Returning("fr", 1), Measured);

        Assert.Contains("Vous aimerez peut-être aussi", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("Night mask 50 ml", rendered.Text, StringComparison.Ordinal);
        Assert.Contains($"/l/{Uri.EscapeDataString(message.Key)}/rec%3AMASK-50", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("https://shop.example/img/mask.jpg", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ArmStrings_ReplaceTheSubjectForEveryLocaleAndOneLocaleWins()
    {
        var facts = new Dictionary<string, string>(MessageScenario.Facts(Intent.ReviewRequest))
        {
            ["t.subject"] = "{{ customer.first_name }}, one minute for a review?",
            ["t.nl.subject"] = "{{ customer.first_name }}, heb je een minuutje?",
        };

        var english = Composer.Compose(MessageScenario.Message(Intent.ReviewRequest, Channel.Email, "en", facts), Returning("en", 1), MessageScenario.Links);
        var dutch = Composer.Compose(MessageScenario.Message(Intent.ReviewRequest, Channel.Email, "nl", facts), Returning("nl", 1), MessageScenario.Links);

        Assert.Equal("Anna, one minute for a review?", english.Subject);
        Assert.Equal("Anna, heb je een minuutje?", dutch.Subject);
    }

    [Fact]
    public void Compose_ArmStringThatDoesNotParse_FailsNamingTheFact()
    {
        var facts = new Dictionary<string, string>(MessageScenario.Facts(Intent.ReviewRequest)) { ["t.subject"] = "{{ customer.first_name " };

        var error = Assert.Throws<MessageTemplateException>(() =>
            Composer.Compose(MessageScenario.Message(Intent.ReviewRequest, Channel.Email, "en", facts), Returning("en", 1), MessageScenario.Links));

        Assert.Contains("t.subject", error.Message, StringComparison.Ordinal);
    }
}
