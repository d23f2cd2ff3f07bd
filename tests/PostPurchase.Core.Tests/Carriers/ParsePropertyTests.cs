using System.Text;
using CsCheck;
using PostPurchase.Core.Carriers;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>A damaged payload gives events or a <see cref="CarrierPayloadException"/>; never any other exception.</summary>
public sealed class ParsePropertyTests
{
    private static readonly string[] Junk = ["null", "1", "\"x\"", "[]", "{}", "true", "-1e999", "\"2026-13-45\"", "\"\"", "99999999999999999", "-5", "1.5", "\"0001-01-01T00:00:00+01:00\""];

    [Theory]
    [InlineData("aftership", "aftership-tracking-update.trimmed.json")]
    [InlineData("easypost", "easypost-tracker-updated.json")]
    [InlineData("sendcloud", "sendcloud-parcel-status-changed.json")]
    [InlineData("shippo", "shippo-track-updated.json")]
    [InlineData("generic", "generic-tracking-events.json")]
    public void Parse_SampleWithAValueReplaced_FailsOnlyWithPayloadErrors(string provider, string fixture)
    {
        var text = Encoding.UTF8.GetString(Webhooks.Fixture(fixture));
        // Positions right after a ':' are where JSON values start; replacing one changes a single field.
        var starts = Enumerable.Range(0, text.Length).Where(i => text[i] == ':').Select(i => i + 1).ToArray();

        Gen.Select(Gen.Int[0, starts.Length - 1], Gen.Int[0, Junk.Length - 1]).Sample((which, junk) =>
        {
            var start = starts[which];
            var end = ValueEnd(text, start);
            var damaged = string.Concat(text.AsSpan(0, start), Junk[junk], text.AsSpan(end));
            try
            {
                Webhooks.Of(provider).Parse(Webhooks.Json(damaged));
            }
            catch (CarrierPayloadException ex)
            {
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            }
        });
    }

    [Theory]
    [InlineData("aftership")]
    [InlineData("easypost")]
    [InlineData("sendcloud")]
    [InlineData("shippo")]
    [InlineData("generic")]
    public void Parse_ArbitraryBytes_FailOnlyWithPayloadErrors(string provider) =>
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            try
            {
                Webhooks.Of(provider).Parse(Webhooks.Request(bytes));
            }
            catch (CarrierPayloadException)
            {
                // The expected way to refuse.
            }
        });

    // The end of the JSON value starting at start: a balanced object/array, a string, or a scalar.
    private static int ValueEnd(string text, int start)
    {
        var i = start;
        while (char.IsWhiteSpace(text[i]))
        {
            i++;
        }
        if (text[i] == '"')
        {
            i++;
            while (text[i] != '"')
            {
                i += text[i] == '\\' ? 2 : 1;
            }
            return i + 1;
        }
        if (text[i] is '{' or '[')
        {
            var depth = 0;
            var inString = false;
            for (; i < text.Length; i++)
            {
                var c = text[i];
                if (inString)
                {
                    if (c == '\\') { i++; } else if (c == '"') { inString = false; }
                    continue;
                }
                if (c == '"') { inString = true; }
                else if (c is '{' or '[') { depth++; }
                else if (c is '}' or ']' && --depth == 0) { return i + 1; }
            }
            return text.Length;
        }
        while (i < text.Length && text[i] is not (',' or '}' or ']'))
        {
            i++;
        }
        return i;
    }
}
