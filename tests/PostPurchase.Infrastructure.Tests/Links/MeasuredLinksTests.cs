using Microsoft.Extensions.Time.Testing;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Links;

public class MeasuredLinksTests
{
    private const string SigningKey = "a-signing-key-for-link-tests";

    [Theory]
    [InlineData("PP-1001", "PP-1001:replenishment-reminder:SERUM-30:email", "cta")]
    [InlineData("PP-1001", null, "rec:MASK-50")]
    [InlineData("A:B", "A:B:delivered:3SX:email", "rec:X")]
    [InlineData("PP-1001", "PP-1001:review-request:email:resend-2", "cta")]
    [InlineData("PP-1001", "PP-9:win-back:email", "cta")]
    public void TryRead_OwnToken_GivesBackOrderMessageAndLink(string orderId, string? messageKey, string link)
    {
        var links = new MeasuredLinks(SigningKey, "https://shop.example/", new FakeTimeProvider(Some.Monday));

        var url = links.Url(orderId, messageKey, link);

        Assert.StartsWith("https://shop.example/l/", url, StringComparison.Ordinal);
        Assert.True(links.TryRead(url["https://shop.example/l/".Length..], out var read));
        Assert.Equal(new MeasuredLink(orderId, messageKey, link), read);
    }

    [Fact]
    public void TryRead_ForgedDamagedOrOtherKey_IsRefused()
    {
        var time = new FakeTimeProvider(Some.Monday);
        var links = new MeasuredLinks(SigningKey, "https://shop.example", time);
        var token = links.Token("PP-1001", "PP-1001:win-back:email", "cta");

        Assert.False(links.TryRead(token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1], out _));
        Assert.False(links.TryRead("not-a-token", out _));
        Assert.False(links.TryRead(new string('A', 600), out _));
        Assert.False(new MeasuredLinks("another-signing-key-entirely", "https://shop.example", time).TryRead(token, out _));
        Assert.False(new CustomerLinks(SigningKey, "https://shop.example", time).TryReadToken(token, out _));
    }

    [Fact]
    public void TryRead_AfterItsLifetime_IsRefused()
    {
        var time = new FakeTimeProvider(Some.Monday);
        var links = new MeasuredLinks(SigningKey, "https://shop.example", time, TimeSpan.FromDays(30));
        var token = links.Token("PP-1001", null, "rec:MASK-50");

        time.Advance(TimeSpan.FromDays(29));
        Assert.True(links.TryRead(token, out _));
        time.Advance(TimeSpan.FromDays(2));
        Assert.False(links.TryRead(token, out _));
    }

    [Fact]
    public void Url_TypicalReminder_StaysShortEnoughForAText()
    {
        var links = new MeasuredLinks(SigningKey, "https://shop.example", new FakeTimeProvider(Some.Monday));

        var token = links.Token("WEB-2026-0012345678", "WEB-2026-0012345678:replenishment-reminder:SERUM-30:sms", "cta");

        // The SMS length rule (docs/messages.md) is checked with 96-character measured tokens.
        Assert.InRange(token.Length, 1, 96);
    }

    [Fact]
    public void Pack_EveryIntent_HasItsShortLetter() => Assert.True(MeasuredKeys.CoversEveryIntent());
}
