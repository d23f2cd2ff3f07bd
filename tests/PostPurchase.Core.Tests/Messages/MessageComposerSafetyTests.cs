using PostPurchase.Core.Messages;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Messages;

public class MessageComposerSafetyTests
{
    private static readonly MessageComposer Composer = new(new Branding { ShopName = "Groene Zeep" });

    [Fact]
    public void Compose_MaliciousItemName_IsEscapedInHtmlAndIntactInText()
    {
        const string evil = "<script>alert('x')</script> & \"Bath\" <b>bomb</b>";
        var order = MessageScenario.Order("en") with { Items = [new OrderItem("EVIL-1", evil, "other", 1, 5m, ProductUrl: "javascript:alert(1)")] };

        var rendered = Composer.Compose(MessageScenario.Message(Intent.OrderConfirmation, Channel.Email, "en"), MessageScenario.State(order), MessageScenario.Links);

        Assert.DoesNotContain("<script>", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>bomb", rendered.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", rendered.Html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Bath&quot;", rendered.Html, StringComparison.Ordinal);
        Assert.Contains(evil, rendered.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UserTextWithLineBreaks_StaysOnOneLine()
    {
        var order = MessageScenario.Order("en") with
        {
            Items = [new OrderItem("A", "Soap\r\nTotal: €0.00\n\nFake line", "other", 1, 5m)],
            Customer = MessageScenario.Order("en").Customer with { FirstName = "Anna\nBcc: x@y.z" },
        };

        var rendered = Composer.Compose(MessageScenario.Message(Intent.OrderConfirmation, Channel.Email, "en"), MessageScenario.State(order), MessageScenario.Links);

        Assert.Contains("- 1 x Soap Total: €0.00 Fake line (€5.00): €5.00", rendered.Text, StringComparison.Ordinal);
        Assert.Contains("Hi Anna Bcc: x@y.z,", rendered.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("red;background:url(x)")]
    [InlineData("#12345")]
    [InlineData("")]
    public void Constructor_ColourNotHex_Throws(string colour)
    {
        var error = Assert.Throws<ArgumentException>(() => new MessageComposer(new Branding { PrimaryColor = colour }));

        Assert.Contains("PrimaryColor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_CarrierTextWithMarkup_IsEscapedInHtml()
    {
        var facts = MessageScenario.Facts(Intent.DeliveryException);
        facts["description"] = "<img src=x onerror=alert(1)> Damaged";

        var rendered = Composer.Compose(MessageScenario.Message(Intent.DeliveryException, Channel.Email, "fr", facts), MessageScenario.State(MessageScenario.Order("fr")), MessageScenario.Links);

        Assert.DoesNotContain("<img src=x", rendered.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt; Damaged", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_OrderNumberWithLineBreak_KeepsSubjectOnOneLine()
    {
        var order = MessageScenario.Order("de") with { OrderId = "PP-1\r\nBcc: attacker@example.com" };

        var rendered = Composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Email, "de"), MessageScenario.State(order), MessageScenario.Links);

        Assert.Equal("Ihre Bestellung PP-1 Bcc: attacker@example.com ist unterwegs", rendered.Subject);
    }

    [Fact]
    public void Compose_WhatsApp_CarriesPositionalTemplateVariables()
    {
        var rendered = Composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.WhatsApp, "nl"), MessageScenario.State(MessageScenario.Order("nl")), MessageScenario.Links);

        var variables = rendered.TemplateVariables!;
        Assert.Equal("Anna", variables["1"]);
        Assert.Equal("Groene Zeep", variables["2"]);
        Assert.Equal("PP-10023", variables["3"]);
        Assert.Equal("Je bestelling PP-10023 is onderweg met PostNL.", variables["4"]);
        Assert.Equal(MessageScenario.Links.TrackingUrl, variables["5"]);
    }
}
