using PostPurchase.Core.Messages;

namespace PostPurchase.Core.Tests.Messages;

public class SmsSegmentsTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    [InlineData(459, 3)]
    public void Count_PlainGsmText_Uses160Then153(int length, int segments)
    {
        var result = SmsSegments.Count(new string('a', length));

        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, segments, length), result);
    }

    [Fact]
    public void Count_GsmBasicAccents_StayGsm7()
    {
        var result = SmsSegments.Count("Zürich, Ærø, café, à bientôt? no: Straße Ñandú ¿Qué? £5 ¥ §");

        Assert.Equal(SmsEncoding.Ucs2, result.Encoding); // "ô" is not in the GSM alphabet
        Assert.Equal(SmsEncoding.Gsm7, SmsSegments.Count("Zürich, Ærø, café, à bientot, Straße, Ñandu, ¿Qué? £5 ¥ § @").Encoding);
    }

    [Fact]
    public void Count_ExtensionCharacters_CountTwoSeptets()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 1, 160), SmsSegments.Count(new string('€', 80)));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 2, 162), SmsSegments.Count(new string('€', 81)));
        Assert.Equal(new SmsLength(SmsEncoding.Gsm7, 1, 14), SmsSegments.Count("{}[]~|^"));
    }

    [Fact]
    public void Count_ExtensionCharacterAtPartBoundary_MovesToNextPart()
    {
        // 152 septets + one two-septet character do not fit 153: the escape pair goes to part two,
        // so 152 + 2 + 152 + 2 septets need three parts although 308 / 153 would suggest 2.02.
        var text = new string('a', 152) + "€" + new string('b', 152) + "€";

        var result = SmsSegments.Count(text);

        Assert.Equal(SmsEncoding.Gsm7, result.Encoding);
        Assert.Equal(308, result.Units);
        Assert.Equal(3, result.Segments);
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Count_PolishLetters_AreUcs2With70Then67(int length, int segments)
    {
        var result = SmsSegments.Count(new string('ł', length));

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, segments, length), result);
    }

    [Fact]
    public void Count_Emoji_TakesTwoUnitsAndIsNeverSplit()
    {
        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 1, 2), SmsSegments.Count("😀"));

        // 66 units then a surrogate pair: the pair would straddle the 67-unit boundary, so it starts part two;
        // 134 units would fit two parts of 67 otherwise.
        var text = new string('ż', 66) + "😀" + new string('ż', 66);
        var result = SmsSegments.Count(text);

        Assert.Equal(134, result.Units);
        Assert.Equal(3, result.Segments);
    }

    [Fact]
    public void Count_OneNonGsmCharacter_MakesWholeTextUcs2()
    {
        var result = SmsSegments.Count(new string('a', 100) + "ą");

        Assert.Equal(new SmsLength(SmsEncoding.Ucs2, 2, 101), result);
    }

    [Fact]
    public void Count_Null_Throws() => Assert.Throws<ArgumentNullException>(() => SmsSegments.Count(null!));
}
