using System.Text;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>Shippo: the URL token by default, the HMAC header when Shippo sends one.</summary>
public sealed class ShippoVerifyTests
{
    private static readonly byte[] Body = Webhooks.Fixture("shippo-track-updated.json");
    private const long Timestamp = 1772438400;

    private static bool Verify(Core.Carriers.CarrierWebhookRequest request) => Webhooks.Of("shippo").Verify(request, Webhooks.Secret);

    [Fact]
    public void Verify_TokenInUrl_IsValid() => Assert.True(Verify(Webhooks.Signed("shippo", Body)));

    [Fact]
    public void Verify_UrlEncodedToken_IsValid()
    {
        var request = Webhooks.Request(Body, new Uri("https://shop.example/hook?a=1&token=p%40ss%2Fw0rd"));

        Assert.True(Webhooks.Of("shippo").Verify(request, "p@ss/w0rd"));
    }

    [Fact]
    public void Verify_TokenInRelativeUrl_IsValid() =>
        Assert.True(Verify(Webhooks.Request(Body, new Uri($"/api/webhooks/carriers/shippo?token={Webhooks.Secret}", UriKind.Relative))));

    [Fact]
    public void Verify_TokenPrefixOfSecret_IsRejected() =>
        Assert.False(Verify(Webhooks.Request(Body, new Uri($"{Webhooks.Endpoint}?token={Webhooks.Secret[..^1]}"))));

    [Fact]
    public void Verify_SignatureHeader_IsValid() => Assert.True(Verify(Webhooks.ShippoSigned(Body, Webhooks.Secret, Timestamp)));

    [Fact]
    public void Verify_SignatureHeaderWithOtherTimestamp_IsRejected()
    {
        var signed = Webhooks.ShippoSigned(Body, Webhooks.Secret, Timestamp);
        var header = signed.Headers["Shippo-Auth-Signature"].Replace($"t={Timestamp}", $"t={Timestamp + 1}", StringComparison.Ordinal);

        Assert.False(Verify(Webhooks.Request(Body, ("Shippo-Auth-Signature", header))));
    }

    [Fact]
    public void Verify_SignatureHeaderWithTamperedBody_IsRejected()
    {
        var signed = Webhooks.ShippoSigned(Body, Webhooks.Secret, Timestamp);

        Assert.False(Verify(signed with { Body = Encoding.UTF8.GetBytes("{\"event\":\"track_updated\"}") }));
    }

    [Fact]
    public void Verify_BadSignatureHeaderWithGoodToken_IsRejected()
    {
        var url = new Uri($"{Webhooks.Endpoint}?token={Webhooks.Secret}");
        var request = Webhooks.ShippoSigned(Body, "wrong-secret", Timestamp, url);

        Assert.False(Verify(request));
    }

    [Fact]
    public void Verify_SeveralV1OneValid_IsValid()
    {
        var good = Webhooks.ShippoSigned(Body, Webhooks.Secret, Timestamp).Headers["Shippo-Auth-Signature"];
        var header = $"{good}, v1={new string('0', 64)}".Replace(",v1=", ", v1=", StringComparison.Ordinal);

        Assert.True(Verify(Webhooks.Request(Body, ("shippo-auth-signature", header))));
    }

    [Theory]
    [InlineData("v1=00")]
    [InlineData("t=1772438400")]
    [InlineData("garbage")]
    [InlineData("")]
    public void Verify_IncompleteSignatureHeader_IsRejected(string header) =>
        Assert.False(Verify(Webhooks.Request(Body, new Uri($"{Webhooks.Endpoint}?token={Webhooks.Secret}"), ("Shippo-Auth-Signature", header))));
}
