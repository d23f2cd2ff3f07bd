using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PostPurchase.Core.Tests.Carriers;

/// <summary>The providers' published vectors (signature-test-vectors.json) verify with our code.</summary>
public sealed class SignatureVectorTests
{
    private static readonly JsonElement Vectors = JsonDocument.Parse(Webhooks.Fixture("signature-test-vectors.json")).RootElement;

    private static string Text(string vector, string field) => Vectors.GetProperty(vector).GetProperty(field).GetString()!;

    private static byte[] EasyPostBody()
    {
        var file = Webhooks.Fixture("easypost-tracker-updated.json");
        Assert.Equal((byte)'\n', file[^1]);
        return file[..^1];
    }

    [Fact]
    public void Verify_EasyPostPublishedVector_IsValid()
    {
        var request = Webhooks.Request(EasyPostBody(), (Text("easypost", "header"), Text("easypost", "expected_header_value")));

        Assert.Equal(3550, request.Body.Length);
        Assert.True(Webhooks.Of("easypost").Verify(request, Text("easypost", "secret")));
    }

    [Fact]
    public void Verify_EasyPostSecretDecomposed_IsStillValid()
    {
        var decomposed = "se\u0301cret";
        Assert.NotEqual(Text("easypost", "secret"), decomposed);
        var request = Webhooks.Request(EasyPostBody(), ("X-Hmac-Signature", Text("easypost", "expected_header_value")));

        Assert.True(Webhooks.Of("easypost").Verify(request, decomposed));
    }

    [Fact]
    public void Verify_EasyPostSignatureMadeWithoutNfkd_IsRejected()
    {
        var secret = Text("easypost", "secret");
        var withoutNfkd = Text("easypost", "negative_case_without_nfkd");
        // The negative vector really is the HMAC under the precomposed key, so rejecting it proves the normalisation.
        var precomposed = Webhooks.Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), EasyPostBody()));
        Assert.Equal("hmac-sha256-hex=" + precomposed, withoutNfkd);

        var request = Webhooks.Request(EasyPostBody(), ("X-Hmac-Signature", withoutNfkd));

        Assert.False(Webhooks.Of("easypost").Verify(request, secret));
    }

    [Fact]
    public void Verify_EasyPostBodyWithTrailingNewline_IsRejected()
    {
        var request = Webhooks.Request(Webhooks.Fixture("easypost-tracker-updated.json"), ("X-Hmac-Signature", Text("easypost", "expected_header_value")));

        Assert.False(Webhooks.Of("easypost").Verify(request, Text("easypost", "secret")));
    }

    [Fact]
    public void Verify_SendcloudPublishedVector_IsValid()
    {
        var request = Webhooks.Request(Encoding.UTF8.GetBytes(Text("sendcloud", "body")), (Text("sendcloud", "header"), Text("sendcloud", "expected_hex")));

        Assert.True(Vectors.GetProperty("sendcloud").GetProperty("published").GetBoolean());
        Assert.True(Webhooks.Of("sendcloud").Verify(request, Text("sendcloud", "secret")));
    }

    [Fact]
    public void Verify_SendcloudUpperCaseHex_IsValid()
    {
        var request = Webhooks.Request(Encoding.UTF8.GetBytes(Text("sendcloud", "body")), ("Sendcloud-Signature", Text("sendcloud", "expected_hex").ToUpperInvariant()));

        Assert.True(Webhooks.Of("sendcloud").Verify(request, Text("sendcloud", "secret")));
    }

    [Fact]
    public void Verify_AfterShipDerivedVector_IsValid()
    {
        var request = Webhooks.Request(
            Encoding.UTF8.GetBytes(Text("aftership_derived", "body")),
            (Text("aftership_derived", "header"), Text("aftership_derived", "expected_base64")));

        Assert.True(Webhooks.Of("aftership").Verify(request, Text("aftership_derived", "secret")));
    }

    [Fact]
    public void Verify_AfterShipDerivedVectorWithOtherSecret_IsRejected()
    {
        var request = Webhooks.Request(
            Encoding.UTF8.GetBytes(Text("aftership_derived", "body")),
            ("aftership-hmac-sha256", Text("aftership_derived", "expected_base64")));

        Assert.False(Webhooks.Of("aftership").Verify(request, "another-secret"));
    }

    [Fact]
    public void Verify_GenericVectorFromOpenssl_IsValid()
    {
        // printf '%s' "$body" | openssl dgst -sha256 -hmac s3cret, as docs/webhooks.md shows it.
        const string body = """{"eventId":"g-1","carrier":"dhl","trackingNumber":"JJD0001","status":"delivered","occurredAt":"2026-03-04T14:02:00+01:00"}""";
        var request = Webhooks.Request(
            Encoding.UTF8.GetBytes(body),
            ("X-PostPurchase-Signature", "sha256=5f5d5992d0f92eda8495ed95cda710f4d16bca4c60ce408589d2a44fb0af4a27"));

        Assert.True(Webhooks.Of("generic").Verify(request, "s3cret"));
        Assert.False(Webhooks.Of("generic").Verify(request, "s3cret "));
    }
}
