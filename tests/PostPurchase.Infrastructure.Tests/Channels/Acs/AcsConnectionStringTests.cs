using PostPurchase.Infrastructure.Channels.Acs;

namespace PostPurchase.Infrastructure.Tests.Channels.Acs;

public sealed class AcsConnectionStringTests
{
    [Fact]
    public void Parse_EndpointWithPortAndSlash_NormalisesTheBaseUrl()
    {
        var parsed = AcsConnectionString.Parse("endpoint=https://contoso.communicationservices.azure.com:443/;accesskey=pw==");

        Assert.Equal("https://contoso.communicationservices.azure.com", parsed.BaseUrl);
        Assert.Equal(Convert.FromBase64String("pw=="), parsed.AccessKey);
    }

    [Fact]
    public void Parse_EndpointOnly_MeansManagedIdentity()
    {
        var parsed = AcsConnectionString.Parse("endpoint=https://contoso.communication.azure.com/");

        Assert.Null(parsed.AccessKey);
    }

    [Theory]
    [InlineData("")]
    [InlineData("accesskey=pw==")]
    [InlineData("endpoint=not a url;accesskey=pw==")]
    [InlineData("endpoint=https://x.communication.azure.com/;accesskey=%%%notbase64")]
    [InlineData("endpoint=https://x.communication.azure.com/;secret=abc")]
    public void Parse_Invalid_ThrowsWithoutEchoingTheKey(string value)
    {
        var error = Assert.Throws<FormatException>(() => AcsConnectionString.Parse(value));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("notbase64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverShowsTheKey()
    {
        var parsed = AcsConnectionString.Parse("endpoint=https://x.communication.azure.com/;accesskey=c2VjcmV0LWtleQ==");

        Assert.DoesNotContain("c2VjcmV0LWtleQ", parsed.ToString(), StringComparison.Ordinal);
    }
}
