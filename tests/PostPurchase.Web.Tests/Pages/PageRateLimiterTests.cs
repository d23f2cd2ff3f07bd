using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PostPurchase.Web.Pages;

namespace PostPurchase.Web.Tests.Pages;

public sealed class PageRateLimiterTests
{
    [Fact]
    public void TryAcquire_OverActionBudget_RefusedForThatClientOnly()
    {
        using var limiter = new PageRateLimiter(Options.Create(new PagesOptions { ActionsPerMinute = 2, PageRequestsPerMinute = 100 }));
        var client = Context("10.0.0.1");

        Assert.True(limiter.TryAcquire(client, isAction: true));
        Assert.True(limiter.TryAcquire(client, isAction: true));
        Assert.False(limiter.TryAcquire(client, isAction: true));
        Assert.True(limiter.TryAcquire(client, isAction: false));
        Assert.True(limiter.TryAcquire(Context("10.0.0.2"), isAction: true));
    }

    private static DefaultHttpContext Context(string address)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }
}
