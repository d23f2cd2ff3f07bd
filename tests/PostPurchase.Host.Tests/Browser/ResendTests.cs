using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using PostPurchase.Testing;

namespace PostPurchase.Host.Tests.Browser;

[Collection(PagesHostCollection.Name)]
public sealed class ResendTests(PagesHost host)
{
    private const string Confirmation = "[data-testid=message][data-intent=order-confirmation][data-channel=email]";

    [Fact]
    public async Task Resend_ConfirmationFromDashboard_SecondConfirmationSentOnceEvenWhenSubmittedTwice()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).For(Some.Customer("en")).Build();
        await host.PlaceAsync(order);
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;

        await page.GotoAsync($"/orders/{Uri.EscapeDataString(order.OrderId)}?code={PagesHost.ApiKey}");
        var original = page.Locator(Confirmation);
        await Assertions.Expect(original).ToHaveCountAsync(1);
        await original.Locator("summary").ClickAsync();
        var fields = await original.Locator("form[action$='/resend'] input[type=hidden]")
            .EvaluateAllAsync<Dictionary<string, string>>("inputs => Object.fromEntries(inputs.map(i => [i.name, i.value]))");
        await original.GetByTestId("message-resend").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Resend requested");
        // The same form again (a double click, a browser retry): same request id, so no second resend.
        var again = await page.APIRequest.PostAsync($"/orders/{Uri.EscapeDataString(order.OrderId)}/resend", new() { Form = Form(page, fields), MaxRedirects = 0 });
        Assert.Equal(302, again.Status);
        await host.DrainAsync();

        using var api = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
        api.DefaultRequestHeaders.Add("x-functions-key", PagesHost.ApiKey);
        var messages = await api.GetFromJsonAsync<JsonElement>($"/api/orders/{Uri.EscapeDataString(order.OrderId)}/messages");
        var confirmations = messages.EnumerateArray()
            .Where(m => m.GetProperty("intent").GetString() == "order-confirmation" && m.GetProperty("channel").GetString() == "email")
            .ToList();
        Assert.Equal(2, confirmations.Count);
        Assert.All(confirmations, m => Assert.Equal("sent", m.GetProperty("status").GetString()));
        Assert.Contains(confirmations, m => m.GetProperty("key").GetString()!.EndsWith(":resend-1", StringComparison.Ordinal));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"{Confirmation}[data-status=sent]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"{Confirmation}[data-resend=true]")).ToHaveCountAsync(1);
        await browser.ScreenshotAsync("dashboard-resend");
    }

    [Fact]
    public async Task Resend_UnknownMessageKey_BadRequestAndNothingRaised()
    {
        var order = OrderBuilder.Apparel().PlacedAt(host.Clock.GetUtcNow()).For(Some.Customer("en")).Build();
        await host.PlaceAsync(order);
        await using var browser = await BrowserPage.OpenAsync(host);
        var page = browser.Page;
        await page.GotoAsync($"/orders/{Uri.EscapeDataString(order.OrderId)}?code={PagesHost.ApiKey}");
        var fields = await page.Locator(Confirmation).Locator("form[action$='/resend'] input[type=hidden]")
            .EvaluateAllAsync<Dictionary<string, string>>("inputs => Object.fromEntries(inputs.map(i => [i.name, i.value]))");
        fields["key"] = $"{order.OrderId}:no-such-intent:email";

        var response = await page.APIRequest.PostAsync($"/orders/{Uri.EscapeDataString(order.OrderId)}/resend", new() { Form = Form(page, fields), MaxRedirects = 0 });
        await host.DrainAsync();

        Assert.Equal(400, response.Status);
        Assert.Contains("no message", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Single((await host.SnapshotAsync(order.OrderId)).Messages, m => m.Message.Intent == Core.Timeline.Intent.OrderConfirmation);
    }

    private static IFormData Form(IPage page, Dictionary<string, string> fields)
    {
        var form = page.APIRequest.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }
        return form;
    }
}
