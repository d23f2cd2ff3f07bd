using System.Globalization;
using System.Text;

namespace PostPurchase.Core.Messages;

/// <summary>Prepares a rendered SMS for the GSM alphabet: typographic punctuation becomes plain, and accents go only when they would cost an extra part.</summary>
public static class SmsText
{
    private static readonly Dictionary<char, string> Plain = new()
    {
        ['\u00A0'] = " ", ['\u202F'] = " ", ['\u2009'] = " ", ['\u2007'] = " ",
        ['\u2018'] = "'", ['\u2019'] = "'", ['\u201A'] = "'", ['\u201C'] = "\"", ['\u201D'] = "\"", ['\u201E'] = "\"",
        ['\u00AB'] = "\"", ['\u00BB'] = "\"", ['\u2013'] = "-", ['\u2014'] = "-", ['\u2026'] = "...", ['\t'] = " ",
    };

    private static readonly Dictionary<char, string> Letters = new()
    {
        ['ł'] = "l", ['Ł'] = "L", ['đ'] = "d", ['Đ'] = "D", ['œ'] = "oe", ['Œ'] = "OE", ['ç'] = "c", ['ı'] = "i",
    };

    /// <summary>Returns the text to send: plain punctuation always; accents removed when that needs fewer parts (e.g. Polish letters force UCS-2).</summary>
    public static string Fit(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = Replace(text, Plain);
        if (SmsSegments.Count(plain).Encoding == SmsEncoding.Gsm7)
            return plain;

        var stripped = StripAccents(plain);
        return SmsSegments.Count(stripped).Segments < SmsSegments.Count(plain).Segments ? stripped : plain;
    }

    private static string Replace(string text, Dictionary<char, string> map)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(map.TryGetValue(c, out var s) ? s : c.ToString());
        return builder.ToString();
    }

    private static string StripAccents(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (SmsSegments.IsGsm7(c))
                builder.Append(c);
            else if (Letters.TryGetValue(c, out var letter))
                builder.Append(letter);
            else
                builder.Append(Base(c));
        }
        return builder.ToString();
    }

    private static string Base(char c)
    {
        if (char.IsSurrogate(c))
            return c.ToString();
        var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
        var letters = decomposed.Where(d => CharUnicodeInfo.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark).ToArray();
        var candidate = new string(letters);
        return candidate.Length > 0 && candidate.All(SmsSegments.IsGsm7) ? candidate : c.ToString();
    }
}
