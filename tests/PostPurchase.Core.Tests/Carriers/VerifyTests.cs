using System.Text;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>Every provider rejects what was not signed with its secret over exactly these bytes.</summary>
public sealed class VerifyTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"event\":\"tracking_update\",\"id\":\"evt_9\",\"n\":1}");

    public static TheoryData<string> Providers => ["aftership", "easypost", "sendcloud", "shippo", "generic"];

    public static TheoryData<string> HeaderProviders => ["aftership", "easypost", "sendcloud", "generic"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_SignedWithSecret_IsValid(string provider) =>
        Assert.True(Webhooks.Of(provider).Verify(Webhooks.Signed(provider, Body), Webhooks.Secret));

    [Theory]
    [MemberData(nameof(HeaderProviders))]
    public void Verify_TamperedBody_IsRejected(string provider)
    {
        var signed = Webhooks.Signed(provider, Body);
        var tampered = signed with { Body = Encoding.UTF8.GetBytes("{\"event\":\"tracking_update\",\"id\":\"evt_9\",\"n\":2}") };

        Assert.False(Webhooks.Of(provider).Verify(tampered, Webhooks.Secret));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_WrongSecret_IsRejected(string provider) =>
        Assert.False(Webhooks.Of(provider).Verify(Webhooks.Signed(provider, Body, "not-the-secret"), Webhooks.Secret));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_NoSignatureAtAll_IsRejected(string provider) =>
        Assert.False(Webhooks.Of(provider).Verify(Webhooks.Request(Body), Webhooks.Secret));

    [Theory]
    [MemberData(nameof(HeaderProviders))]
    public void Verify_HeaderNameInOtherCase_IsValid(string provider)
    {
        var signed = Webhooks.Signed(provider, Body);
        var (name, value) = Assert.Single(signed.Headers);
        var shouted = Webhooks.Request(Body, (name.ToUpperInvariant(), value));
        var whispered = Webhooks.Request(Body, (name.ToLowerInvariant(), value));

        Assert.True(Webhooks.Of(provider).Verify(shouted, Webhooks.Secret));
        Assert.True(Webhooks.Of(provider).Verify(whispered, Webhooks.Secret));
    }

    [Theory]
    [MemberData(nameof(HeaderProviders))]
    public void Verify_GarbageSignature_IsRejected(string provider)
    {
        var (name, _) = Assert.Single(Webhooks.Signed(provider, Body).Headers);

        foreach (var garbage in new[] { "", "   ", "sha256=", "hmac-sha256-hex=zz", "not base64 !", "sha256=abc" })
        {
            Assert.False(Webhooks.Of(provider).Verify(Webhooks.Request(Body, (name, garbage)), Webhooks.Secret));
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_BlankSecret_Throws(string provider)
    {
        var request = Webhooks.Signed(provider, Body, " ");

        var error = Assert.Throws<ArgumentException>(() => Webhooks.Of(provider).Verify(request, " "));
        Assert.Contains($"PostPurchase:Carriers:{provider}:Secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_GenericWithoutPrefix_IsRejected()
    {
        var signed = Webhooks.Signed("generic", Body);
        var bare = signed.Headers["X-PostPurchase-Signature"]["sha256=".Length..];

        Assert.False(Webhooks.Of("generic").Verify(Webhooks.Request(Body, ("X-PostPurchase-Signature", bare)), Webhooks.Secret));
    }

    [Fact]
    public void Verify_EasyPostSignatureOfOtherBody_IsRejected()
    {
        var other = Webhooks.Signed("easypost", Encoding.UTF8.GetBytes("{}"));
        var request = Webhooks.Request(Body, ("X-Hmac-Signature", other.Headers["X-Hmac-Signature"]));

        Assert.False(Webhooks.Of("easypost").Verify(request, Webhooks.Secret));
    }
}
