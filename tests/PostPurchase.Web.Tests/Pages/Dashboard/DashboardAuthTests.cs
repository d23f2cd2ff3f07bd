using Microsoft.AspNetCore.Http;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Tests.Pages.Dashboard;

public sealed class DashboardAuthTests
{
    private const string Key = "merchant-key-0123456789";

    [Fact]
    public void IsSignedIn_CookieFromKey_True_CookieFromOtherKey_False()
    {
        Assert.True(DashboardAuth.IsSignedIn(WithCookie(DashboardAuth.CookieValue(Key)), Key));
        Assert.False(DashboardAuth.IsSignedIn(WithCookie(DashboardAuth.CookieValue("another-key-0123456")), Key));
        Assert.False(DashboardAuth.IsSignedIn(WithCookie(Key), Key));
    }

    [Fact]
    public void IsSignedIn_NoKeyConfigured_AlwaysFalse()
    {
        Assert.False(DashboardAuth.IsSignedIn(WithCookie(DashboardAuth.CookieValue("")), null));
    }

    [Theory]
    [InlineData("/orders/1?x=2", "/orders/1?x=2")]
    [InlineData("//evil.example", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData(null, "/")]
    public void SafeReturnUrl_OnlyLocalPaths(string? asked, string expected)
    {
        Assert.Equal(expected, DashboardAuth.SafeReturnUrl(asked));
    }

    private static HttpRequest WithCookie(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.Cookie = $"{DashboardAuth.CookieName}={value}";
        return context.Request;
    }
}
