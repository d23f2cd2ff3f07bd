using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using PostPurchase.Infrastructure.Channels.Twilio.TwilioWebhooks;
using PostPurchase.Infrastructure.Tests.Channels.Support;

namespace PostPurchase.Infrastructure.Tests.Channels.Twilio.TwilioWebhooks;

public sealed class TwilioSignatureValidatorTests
{
    private static readonly JsonElement Form = Fixture.Vectors("twilio_form");

    private static List<KeyValuePair<string, string>> FormParams() =>
        Form.GetProperty("params").EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToList();

    [Fact]
    public void Compute_PublishedVector_MatchesTwilio()
    {
        var signature = TwilioSignatureValidator.Compute(Form.GetProperty("auth_token").GetString()!, Form.GetProperty("url").GetString()!, FormParams());

        Assert.Equal(Form.GetProperty("expected_signature").GetString(), signature);
    }

    [Fact]
    public void Compute_PublishedPortVariants_MatchTwilio()
    {
        foreach (var variant in Form.GetProperty("variants").EnumerateArray())
        {
            var signature = TwilioSignatureValidator.Compute("12345", variant.GetProperty("url").GetString()!, FormParams());
            Assert.Equal(variant.GetProperty("expected_signature").GetString(), signature);
        }
    }

    [Fact]
    public void IsValid_SignatureOverTheUrlWithDefaultPort_AcceptsTheUrlWithout()
    {
        var withPort = Form.GetProperty("variants")[0].GetProperty("expected_signature").GetString();

        Assert.True(TwilioSignatureValidator.IsValid("12345", withPort, Form.GetProperty("url").GetString()!, FormParams()));
        Assert.True(TwilioSignatureValidator.IsValid("12345", Form.GetProperty("expected_signature").GetString(), "https://mycompany.com:443/myapp.php?foo=1&bar=2", FormParams()));
    }

    [Fact]
    public void IsValid_NonDefaultPort_IsNotStrippedAway()
    {
        var signatureFor1234 = Form.GetProperty("variants")[2].GetProperty("expected_signature").GetString();

        Assert.False(TwilioSignatureValidator.IsValid("12345", signatureFor1234, "http://mycompany.com/myapp.php?foo=1&bar=2", FormParams()));
    }

    [Fact]
    public void IsValid_RepeatedKeys_SortsTheirValues()
    {
        var vector = Fixture.Vectors("twilio_form_duplicate_keys");
        var form = QueryHelpers.ParseQuery(vector.GetProperty("form_body").GetString())
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v!))).ToList();

        Assert.True(TwilioSignatureValidator.IsValid("12345", vector.GetProperty("expected_signature").GetString(), vector.GetProperty("url").GetString()!, form));
    }

    [Fact]
    public void IsValidJson_PublishedVectors_AcceptsAndChecksTheBodyHash()
    {
        var vector = Fixture.Vectors("twilio_json_body");
        var body = Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!);
        foreach (var item in vector.GetProperty("cases").EnumerateArray())
        {
            var url = item.GetProperty("url").GetString()!;
            var signature = item.GetProperty("expected_signature").GetString();
            Assert.True(TwilioSignatureValidator.IsValidJson("12345", signature, url, body));
            Assert.False(TwilioSignatureValidator.IsValidJson("12345", signature, url, Encoding.UTF8.GetBytes("{\"property\": \"other\"}")));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("RSOYDt4T1cUTdK1PDd93/VVr8B9=")]
    public void IsValid_MissingOrWrongSignature_Refuses(string? signature)
    {
        Assert.False(TwilioSignatureValidator.IsValid("12345", signature, Form.GetProperty("url").GetString()!, FormParams()));
    }

    [Fact]
    public void IsValid_ChangedParameter_Refuses()
    {
        var tampered = FormParams().Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : p).ToList();

        Assert.False(TwilioSignatureValidator.IsValid("12345", Form.GetProperty("expected_signature").GetString(), Form.GetProperty("url").GetString()!, tampered));
    }

    [Fact]
    public void IsValid_WrongToken_Refuses()
    {
        Assert.False(TwilioSignatureValidator.IsValid("54321", Form.GetProperty("expected_signature").GetString(), Form.GetProperty("url").GetString()!, FormParams()));
    }
}
