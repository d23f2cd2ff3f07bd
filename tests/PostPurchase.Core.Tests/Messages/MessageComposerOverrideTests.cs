using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Messages;

public class MessageComposerOverrideTests
{
    [Fact]
    public void Compose_OverrideForLocale_WinsOverBuiltIn()
    {
        var composer = new MessageComposer(new Branding(), new Dictionary<string, string>
        {
            ["shipped.sms.nl.text"] = "{{ shop.name }}: pakket {{ order.number }} onderweg met {{ parcel.carrier }}.",
        });

        var nl = composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Sms, "nl"), MessageScenario.State(MessageScenario.Order("nl")), MessageScenario.Links);
        var de = composer.Compose(MessageScenario.Message(Intent.Shipped, Channel.Sms, "de"), MessageScenario.State(MessageScenario.Order("de")), MessageScenario.Links);

        Assert.Equal("Our shop: pakket PP-10023 onderweg met PostNL.", nl.Text);
        Assert.NotEqual(nl.Text, de.Text);
    }

    [Fact]
    public void Compose_WildcardOverride_AppliesToEveryLocaleButLocaleSpecificWins()
    {
        var composer = new MessageComposer(new Branding(), new Dictionary<string, string>
        {
            ["delivered.email.*.subject"] = "Delivered: {{ order.number }}",
            ["delivered.email.fr.subject"] = "Livrée : {{ order.number }}",
        });

        string Subject(string locale) => composer.Compose(
            MessageScenario.Message(Intent.Delivered, Channel.Email, locale), MessageScenario.State(MessageScenario.Order(locale)), MessageScenario.Links).Subject!;

        Assert.Equal("Delivered: PP-10023", Subject("pl"));
        Assert.Equal("Livrée : PP-10023", Subject("fr"));
    }

    [Fact]
    public void Compose_LayoutOverride_FramesEveryEmail()
    {
        var composer = new MessageComposer(new Branding { ShopName = "Zeep & Co" }, new Dictionary<string, string>
        {
            ["layout.email.*.html"] = "<main data-shop=\"{{ shop.name }}\">{{ content | raw }}</main>",
        });

        var rendered = composer.Compose(MessageScenario.Message(Intent.CsatSurvey, Channel.Email, "en"), MessageScenario.State(MessageScenario.Order("en")), MessageScenario.Links);

        Assert.StartsWith("<main data-shop=\"Zeep &amp; Co\"><h1", rendered.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OverrideThatDoesNotParse_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<MessageTemplateException>(() => new MessageComposer(new Branding(), new Dictionary<string, string>
        {
            ["shipped.email.de.html"] = "<p>{% if parcel.carrier %}{{ parcel.carrier }}</p>",
        }));

        Assert.Equal("shipped.email.de.html", error.TemplateKey);
        Assert.Contains("does not parse", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_OverrideWithUnknownVariable_ThrowsNamingTheKey()
    {
        var error = Assert.Throws<MessageTemplateException>(() => new MessageComposer(new Branding(), new Dictionary<string, string>
        {
            ["shipped.sms.en.text"] = "Order {{ order.numbr }} shipped",
        }));

        Assert.Equal("shipped.sms.en.text", error.TemplateKey);
    }

    [Fact]
    public void Constructor_OverrideWithUnknownFilter_Throws() =>
        Assert.Throws<MessageTemplateException>(() => new MessageComposer(new Branding(), new Dictionary<string, string>
        {
            ["shipped.sms.en.text"] = "Order {{ order.number | shout }} shipped",
        }));

    [Theory]
    [InlineData("shipped.sms.text", "four parts")]
    [InlineData("shiped.sms.en.text", "is not an intent")]
    [InlineData("shipped.fax.en.text", "is not a channel")]
    [InlineData("shipped.sms.es.text", "is not a supported locale")]
    [InlineData("shipped.sms.en.html", "is not a part of sms")]
    [InlineData("layout.sms.en.text", "is not a channel")]
    public void Constructor_BadOverrideKey_ThrowsWithHint(string key, string hint)
    {
        var error = Assert.Throws<MessageTemplateException>(() => new MessageComposer(new Branding(), new Dictionary<string, string> { [key] = "x" }));

        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }
}
