using PostPurchase.Core.Messages;
using PostPurchase.Core.Studio;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Studio;

public class TemplateSafetyTests
{
    [Theory]
    [InlineData("{{ shop.GetType }}")]
    [InlineData("{{ order.items.Capacity }}")]
    [InlineData("{{ customer | raw_sql }}")]
    public void Check_ReachingBeyondTheModel_Refused(string source)
    {
        Assert.NotNull(TemplateCheck.Check(new Branding(), "shipped.email.en.subject", source));
    }

    [Fact]
    public void Check_IncludeOfAFile_Refused()
    {
        var error = TemplateCheck.Check(new Branding(), "shipped.sms.en.text", "[{% include '/etc/passwd' %}]");

        Assert.NotNull(error);
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MerchantHtmlTemplate_BuyerTextEscaped()
    {
        var composer = new MessageComposer(new Branding { ShopName = "<b>Shop</b>" }, new Dictionary<string, string>
        {
            ["shipped.email.en.html"] = "<p>{{ shop.name }} {{ customer.first_name }}</p>",
        });

        var html = StudioPreview.Render(composer, Intent.Shipped, Channel.Email, "en").Html!;

        Assert.Contains("&lt;b&gt;Shop&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Shop</b>", html, StringComparison.Ordinal);
    }
}
