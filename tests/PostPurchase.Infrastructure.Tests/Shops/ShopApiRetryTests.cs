using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Shops;

public sealed class ShopApiRetryTests
{
    [Theory]
    [InlineData("2", 2.0)]
    [InlineData("2.0", 2.0)]
    [InlineData("0.5", 0.5)]
    public void RetryAfter_SecondsWholeOrDecimal_ThatWait(string header, double seconds)
    {
        using var response = Throttled(header);

        Assert.Equal(TimeSpan.FromSeconds(seconds), ShopApiRetry.RetryAfter(response, new FakeTimeProvider(Some.Monday)));
    }

    [Fact]
    public void RetryAfter_HttpDate_TheTimeUntilThen()
    {
        var time = new FakeTimeProvider(Some.Monday);
        using var response = Throttled(Some.Monday.AddSeconds(90).ToString("R", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(TimeSpan.FromSeconds(90), ShopApiRetry.RetryAfter(response, time));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("soon")]
    public void RetryAfter_NoneOrUnreadable_Null(string? header)
    {
        using var response = Throttled(header);

        Assert.Null(ShopApiRetry.RetryAfter(response, new FakeTimeProvider(Some.Monday)));
    }

    [Fact]
    public void Wait_ShopifyThrottledQuery_TimeForTheBucketToHoldTheCost()
    {
        using var answer = JsonDocument.Parse("""
            {"errors":[{"message":"Throttled","extensions":{"code":"THROTTLED","documentation":"https://shopify.dev/api/usage/rate-limits"}}],
             "extensions":{"cost":{"requestedQueryCost":502,"actualQueryCost":null,"throttleStatus":{"maximumAvailable":2000.0,"currentlyAvailable":102,"restoreRate":100.0}}}}
            """);

        Assert.Equal(TimeSpan.FromSeconds(4), ShopifyThrottle.Wait(answer.RootElement));
    }

    [Fact]
    public void Wait_OtherGraphQlError_NotThrottled()
    {
        using var answer = JsonDocument.Parse("""{"errors":[{"message":"Field 'orderz' doesn't exist on type 'QueryRoot'","extensions":{"code":"undefinedField"}}]}""");

        Assert.Null(ShopifyThrottle.Wait(answer.RootElement));
    }

    private static HttpResponseMessage Throttled(string? retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        if (retryAfter is not null)
        {
            response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
        }
        return response;
    }
}
