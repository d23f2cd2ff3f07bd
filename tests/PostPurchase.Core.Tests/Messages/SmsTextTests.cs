using PostPurchase.Core.Messages;

namespace PostPurchase.Core.Tests.Messages;

public class SmsTextTests
{
    [Fact]
    public void Fit_ShortPolishText_KeepsDiacritics()
    {
        const string text = "Paczka już w drodze: ł ś ż ć";

        Assert.Equal(text, SmsText.Fit(text));
    }

    [Fact]
    public void Fit_LongPolishText_DropsDiacriticsToSaveParts()
    {
        var text = "Zamówienie zostało wysłane. Śledź przesyłkę: " + new string('x', 60) + " Łódź, Gdańsk, żółć.";

        var fitted = SmsText.Fit(text);

        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count(fitted).Encoding);
        Assert.StartsWith("Zamowienie zostalo wyslane. Sledz przesylke:", fitted, StringComparison.Ordinal);
        Assert.EndsWith("Lodz, Gdansk, zolc.", fitted, StringComparison.Ordinal);
        Assert.True(SmsSegments.Count(fitted).Segments < SmsSegments.Count(text).Segments);
    }

    [Fact]
    public void Fit_TypographicSpacesAndQuotes_BecomePlain()
    {
        var fitted = SmsText.Fit("34,95\u00A0€ \u201Cok\u201D \u2013 it\u2019s\u2026");

        Assert.Equal("34,95 € \"ok\" - it's...", fitted);
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count(fitted).Encoding);
    }

    [Fact]
    public void Fit_Emoji_IsKept()
    {
        var text = "Thanks 😀 " + new string('a', 200);

        Assert.Equal(text, SmsText.Fit(text));
    }
}
