using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Host.Tests.Browser;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Browser;

/// <summary>The merchant studio in Chromium against each runtime: an edit reaches a running order's next message, a broken template is refused, the pages pass axe.</summary>
/// <remarks>Flows that need the simulated clock (timings, a later delivery) stay in the Host's own studio tests.</remarks>
public abstract class StudioFlows(PagesApp app)
{
    private const string DutchShippedSubject = "/studio/templates?intent=shipped&channel=email&locale=nl&part=subject";

    [Fact]
    public async Task Templates_DutchShippedSubjectSavedWhileAnOrderRuns_ItsShippedEmailUsesIt()
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(DateTimeOffset.UtcNow.AddMinutes(-1)).For(Some.Customer("nl")).WithShipment("postnl", tracking).Build();
        await app.PlaceAsync(order);
        await app.WaitForAsync(order.OrderId, "the order confirmation", s => s.Messages.Any(m => m.Message.Intent == Intent.OrderConfirmation && m.Message.Status != MessageStatus.Pending));
        await using var context = await NewContextAsync();
        var page = await SignedInAsync(context, DutchShippedSubject);

        await page.Locator("textarea[name=source]").FillAsync("Onderweg: {{ order.number }} van {{ shop.name }}");
        await Assertions.Expect(page.GetByTestId("preview-subject")).ToHaveTextAsync("Onderweg: SAMPLE-1001 van Tulip & Co");
        await page.GetByTestId("save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("Saved as version");
        var version = int.Parse(await page.GetByTestId("version").GetAttributeAsync("data-version") ?? "0", CultureInfo.InvariantCulture);
        await app.RaiseAsync(order.OrderId, new TrackingUpdated(new TrackingEvent(
            "generic", Some.EventId(), "postnl", tracking, TrackingStatus.InTransit, "in_transit", DateTimeOffset.UtcNow, "Sorted", "Utrecht")));

        var snapshot = await app.WaitForAsync(order.OrderId, "the shipped email", s =>
            s.Messages.Any(m => m.Message.Intent == Intent.Shipped && m.Message.Channel == Channel.Email && m.Subject is not null));
        var shipped = snapshot.Messages.Single(m => m.Message.Intent == Intent.Shipped && m.Message.Channel == Channel.Email);
        Assert.Equal(($"Onderweg: {order.OrderId} van Tulip & Co", version), (shipped.Subject, shipped.Message.SettingsVersion));
        using var api = Api();
        using var messages = JsonDocument.Parse(await api.GetStringAsync($"/api/orders/{order.OrderId}/messages"));
        var viewed = messages.RootElement.EnumerateArray().Single(m => m.GetProperty("intent").GetString() == "shipped" && m.GetProperty("channel").GetString() == "email");
        Assert.Equal(version, viewed.GetProperty("settingsVersion").GetInt32());
        await page.GotoAsync($"/orders/{order.OrderId}");
        await Assertions.Expect(page.Locator("[data-testid=message][data-intent=shipped][data-channel=email] [data-testid=settings-version]")).ToHaveTextAsync($"settings v{version}");
    }

    [Fact]
    public async Task Templates_BrokenTemplate_ShowsItsLineAndIsNotSaved()
    {
        var path = DutchShippedSubject.Replace("part=subject", "part=text", StringComparison.Ordinal);
        await using var context = await NewContextAsync();
        var page = await SignedInAsync(context, path);
        var before = await page.GetByTestId("version").GetAttributeAsync("data-version");

        await page.Locator("textarea[name=source]").FillAsync("Hallo {{ customer.first_name }},\nje pakket {{ order.numbr }} is onderweg.");
        await Assertions.Expect(page.GetByTestId("preview-error")).ToContainTextAsync("line 2");
        await page.GetByTestId("save").ClickAsync();

        var error = page.GetByTestId("error");
        await Assertions.Expect(error).ToHaveAttributeAsync("data-line", "2");
        await Assertions.Expect(error).ToContainTextAsync("order.numbr");
        await Assertions.Expect(page.GetByTestId("version")).ToHaveAttributeAsync("data-version", before!);
        using var api = Api();
        using var live = await api.GetAsync(new Uri("/api/studio/settings", UriKind.Relative));
        Assert.Equal($"\"v{before}\"", live.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task Studio_EveryPage_NoSeriousAccessibilityViolations()
    {
        string[] paths = ["/studio", "/studio/branding", "/studio/flows", DutchShippedSubject, "/studio/templates?intent=shipped&channel=sms&locale=pl&part=text"];
        await using var context = await NewContextAsync(bypassCsp: true);
        var page = await context.NewPageAsync();
        var found = new List<string>();

        foreach (var path in paths)
        {
            Assert.Equal(200, (await page.GotoAsync(WithKey(path)))!.Status);
            var (serious, all) = await Axe.SeriousViolationsAsync(page);
            if (serious.Count > 0)
                found.Add($"{path}: {all}");
        }

        Assert.True(found.Count == 0, $"{app.Runtime}: axe-core violations: {string.Join(" | ", found)}");
    }

    /// <summary>A fresh browser context on the runtime (<paramref name="bypassCsp"/> lets axe-core's script in).</summary>
    private Task<IBrowserContext> NewContextAsync(bool bypassCsp = false) =>
        app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl, BypassCSP = bypassCsp });

    /// <summary>A page of <paramref name="context"/> at <paramref name="path"/>; the API key in its URL signs the context in.</summary>
    private static async Task<IPage> SignedInAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(WithKey(path)))!.Status);
        return page;
    }

    private static string WithKey(string path) => $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}code={PagesApp.ApiKey}";

    private HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        client.DefaultRequestHeaders.Add("x-functions-key", PagesApp.ApiKey);
        return client;
    }
}

[Collection(HostPagesCollection.Name)]
public sealed class StudioFlowsOnHost(HostPagesApp app) : StudioFlows(app);

[Collection(FunctionsPagesCollection.Name)]
public sealed class StudioFlowsOnFunctionApp(FunctionsPagesApp app) : StudioFlows(app);
