using PostPurchase.Infrastructure.MerchantWebhooks;

namespace PostPurchase.Infrastructure.Tests.MerchantWebhooks;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test_0123456789abcdef";
    private const string Body = "{\"a\":1}";
    private static readonly DateTimeOffset At = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sign_KnownVector_MatchesOpenSslHmac()
    {
        // printf '%s' '1767225600.{"a":1}' | openssl dgst -sha256 -hmac 'whsec_test_0123456789abcdef'
        Assert.Equal("t=1767225600,v1=edbeb20e4a41fbcaa5a2a66d054bb581bfed45895f72f7793f8afca061c088ec", WebhookSignature.Sign(Secret, At, Body));
    }

    [Fact]
    public void Verify_FreshSignature_True()
    {
        var header = WebhookSignature.Sign(Secret, At, Body);

        Assert.True(WebhookSignature.Verify(header, Secret, Body, At.AddMinutes(4), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("{\"a\":2}", Secret, 0)]
    [InlineData(Body, "another-secret-0123456", 0)]
    [InlineData(Body, Secret, 6)]
    public void Verify_TamperedBodyWrongSecretOrStale_False(string body, string secret, int minutesLater)
    {
        var header = WebhookSignature.Sign(Secret, At, Body);

        Assert.False(WebhookSignature.Verify(header, secret, body, At.AddMinutes(minutesLater), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=abc")]
    [InlineData("t=abc,v1=edbeb20e")]
    [InlineData("t=1767225600")]
    public void Verify_MalformedHeader_False(string? header)
    {
        Assert.False(WebhookSignature.Verify(header, Secret, Body, At, TimeSpan.FromMinutes(5)));
    }
}
