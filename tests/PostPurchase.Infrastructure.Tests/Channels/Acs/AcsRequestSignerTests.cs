using System.Text;
using PostPurchase.Infrastructure.Channels.Acs;
using PostPurchase.Infrastructure.Tests.Channels.Support;

namespace PostPurchase.Infrastructure.Tests.Channels.Acs;

public sealed class AcsRequestSignerTests
{
    [Fact]
    public void Authorization_PublishedGetVectors_MatchTheAzureSdk()
    {
        var vector = Fixture.Vectors("acs_hmac");
        var key = Convert.FromBase64String(vector.GetProperty("access_key_base64").GetString()!);
        var hash = AcsRequestSigner.ContentHash([]);
        Assert.Equal(vector.GetProperty("x_ms_content_sha256").GetString(), hash);
        foreach (var item in vector.GetProperty("cases").EnumerateArray())
        {
            var authorization = AcsRequestSigner.Authorization(key, "GET", item.GetProperty("path_and_query").GetString()!,
                vector.GetProperty("x_ms_date").GetString()!, vector.GetProperty("host").GetString()!, hash);
            Assert.Equal(item.GetProperty("authorization").GetString(), authorization);
        }
    }

    [Fact]
    public void Authorization_DerivedSendVector_Matches()
    {
        var vector = Fixture.Vectors("acs_hmac_post_derived");
        var key = Convert.FromBase64String(vector.GetProperty("access_key_base64").GetString()!);
        var hash = AcsRequestSigner.ContentHash(Encoding.UTF8.GetBytes(vector.GetProperty("body").GetString()!));

        var authorization = AcsRequestSigner.Authorization(key, "POST", vector.GetProperty("path_and_query").GetString()!,
            vector.GetProperty("x_ms_date").GetString()!, vector.GetProperty("host").GetString()!, hash);

        Assert.Equal(vector.GetProperty("x_ms_content_sha256").GetString(), hash);
        Assert.Equal(vector.GetProperty("authorization").GetString(), authorization);
    }

    [Fact]
    public void ContentHash_PublishedPrimitive_Matches()
    {
        var primitives = Fixture.Vectors("acs_crypto_primitives");

        Assert.Equal(primitives.GetProperty("sha256_base64").GetProperty("banana").GetString(), AcsRequestSigner.ContentHash("banana"u8));
    }

    [Fact]
    public void Date_IsRfc1123InUtc()
    {
        var date = AcsRequestSigner.Date(new DateTimeOffset(2022, 4, 13, 20, 9, 12, TimeSpan.FromHours(2)));

        Assert.Equal("Wed, 13 Apr 2022 18:09:12 GMT", date);
    }
}
