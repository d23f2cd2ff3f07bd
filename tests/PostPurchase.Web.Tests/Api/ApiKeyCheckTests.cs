using Microsoft.AspNetCore.Http;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Tests.Api;

public sealed class ApiKeyCheckTests
{
    [Theory]
    [InlineData("the-key", null, true)]
    [InlineData(null, "the-key", true)]
    [InlineData("wrong", "the-key", false)]
    [InlineData("the-key-longer", null, false)]
    [InlineData("THE-KEY", null, false)]
    [InlineData(null, null, false)]
    public void IsAuthorized_HeaderOrCode_ComparesExactly(string? header, string? code, bool expected)
    {
        var context = new DefaultHttpContext();
        if (header is not null)
        {
            context.Request.Headers[ApiKeyCheck.HeaderName] = header;
        }
        if (code is not null)
        {
            context.Request.QueryString = QueryString.Create(ApiKeyCheck.QueryName, code);
        }

        Assert.Equal(expected, ApiKeyCheck.IsAuthorized(context.Request, "the-key"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void IsAuthorized_NoKeyConfigured_RefusesEveryone(string? configured)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[ApiKeyCheck.HeaderName] = "";

        Assert.False(ApiKeyCheck.IsAuthorized(context.Request, configured));
    }
}
