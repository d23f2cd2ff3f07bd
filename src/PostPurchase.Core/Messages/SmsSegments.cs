namespace PostPurchase.Core.Messages;

/// <summary>Counts SMS parts by the GSM 03.38 rules, the way carriers and Twilio bill them.</summary>
public static class SmsSegments
{
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
        "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    /// <summary>True when <paramref name="c"/> is in the GSM 7-bit basic table or its extension table.</summary>
    public static bool IsGsm7(char c) => Basic.Contains(c, StringComparison.Ordinal) || Extension.Contains(c, StringComparison.Ordinal);

    /// <summary>Encoding, number of parts and length of <paramref name="text"/>; an empty text is one (empty) part.</summary>
    /// <remarks>
    /// GSM-7: extension-table characters take two septets and are never split across parts; 160 fit one part, 153 each
    /// part of a longer text. Any other character makes the whole text UCS-2: 70 units in one part, 67 per part
    /// otherwise, never splitting a surrogate pair (emoji take two units).
    /// </remarks>
    public static SmsLength Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.All(IsGsm7) ? CountGsm7(text) : CountUcs2(text);
    }

    private static SmsLength CountGsm7(string text)
    {
        var units = text.Sum(c => Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1);
        if (units <= 160)
            return new SmsLength(SmsEncoding.Gsm7, 1, units);

        var segments = 1;
        var used = 0;
        foreach (var c in text)
        {
            var width = Extension.Contains(c, StringComparison.Ordinal) ? 2 : 1;
            if (used + width > 153)
            {
                segments++;
                used = 0;
            }
            used += width;
        }
        return new SmsLength(SmsEncoding.Gsm7, segments, units);
    }

    private static SmsLength CountUcs2(string text)
    {
        if (text.Length <= 70)
            return new SmsLength(SmsEncoding.Ucs2, 1, text.Length);

        var segments = 1;
        var used = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var width = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            if (used + width > 67)
            {
                segments++;
                used = 0;
            }
            used += width;
            i += width - 1;
        }
        return new SmsLength(SmsEncoding.Ucs2, segments, text.Length);
    }
}
