using System.Net;
using PostPurchase.Web.Api;

namespace PostPurchase.Host.Tests.Support;

/// <summary>Drives a simulated host over HTTP: advance the clock, read messages and orders.</summary>
internal static class Dev
{
    /// <summary>Runs everything due now (advancing by zero).</summary>
    public static Task<DateTimeOffset> DrainAsync(HostApp app) => AdvanceAsync(app, "PT0S");

    public static async Task<DateTimeOffset> AdvanceAsync(HostApp app, string by)
    {
        var response = await app.Anonymous().PostAsync("/api/dev/clock/advance", Json.Body($$"""{"by":"{{by}}"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json.ReadAsync<ClockView>(response)).Now;
    }

    public static async Task<IReadOnlyList<MessageView>> MessagesAsync(HttpClient merchant, string orderId)
    {
        var response = await merchant.GetAsync($"/api/orders/{orderId}/messages");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync<List<MessageView>>(response);
    }

    public static async Task<OrderView> OrderAsync(HttpClient merchant, string orderId)
    {
        var response = await merchant.GetAsync($"/api/orders/{orderId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Json.ReadAsync<OrderView>(response);
    }
}
