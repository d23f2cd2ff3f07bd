using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Tests.Pages;

public sealed class PageTextTests
{
    public static TheoryData<string> Locales => new(PageText.Locales);

    [Theory]
    [MemberData(nameof(Locales))]
    public void Keys_EveryLocale_SameKeysAsEnglish(string locale)
    {
        var english = PageText.For("en").Keys.Order(StringComparer.Ordinal);

        Assert.Equal(english, PageText.For(locale).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Locales))]
    public void Keys_EveryLocale_NoEmptyTextAndPlaceholdersAsInEnglish(string locale)
    {
        var text = PageText.For(locale);
        var english = PageText.For("en");

        foreach (var key in text.Keys)
        {
            Assert.False(string.IsNullOrWhiteSpace(text[key]), $"{locale}:{key} is empty");
            Assert.Equal(Placeholders(english[key]), Placeholders(text[key]));
        }
    }

    [Theory]
    [InlineData("nl-BE", "nl")]
    [InlineData("de_AT", "de")]
    [InlineData("PL", "pl")]
    [InlineData("es", "en")]
    [InlineData(null, "en")]
    public void For_RegionalOrUnknownLocale_LanguageOrEnglish(string? asked, string expected)
    {
        Assert.Equal(expected, PageText.For(asked).Locale);
    }

    [Fact]
    public void Indexer_MissingKey_ThrowsNamingIt()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => PageText.For("fr")["no.such.key"]);

        Assert.Contains("no.such.key", error.Message, StringComparison.Ordinal);
    }

    private static string Placeholders(string value) =>
        string.Concat(System.Text.RegularExpressions.Regex.Matches(value, @"\{\d\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
