using System.Net;
using Microsoft.Playwright;
using PostPurchase.Testing.Shops;
using PostPurchase.Web.Tests.Browser;
using static PostPurchase.Web.Tests.Shops.ShopDeliveries;

namespace PostPurchase.Web.Tests.Shops;

/// <summary>The dashboard's Shops page in Chromium on each runtime: behind the sign-in form (with its anti-forgery token), every platform's state.</summary>
public abstract class ShopsPageFlows(PagesApp app)
{
    [Fact]
    public async Task ShopsPage_SignedInThroughTheForm_ShowsEachPlatformConnectedWithItsDeliveries()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };
        var anonymous = await http.GetAsync(new Uri("/shops", UriKind.Relative));
        var id = 9700 + Next();
        await ReceiptAsync(await http.SendAsync(WooCommerce("order.created", ShopOrderSamples.WooCommerce(id, Now.AddMinutes(-1)))));
        await using var browser = await app.Browser.NewContextAsync(new() { BaseURL = app.BaseUrl });
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/shops");
        await page.GetByLabel("API key (PostPurchase:ApiKey)").FillAsync(PagesApp.ApiKey);
        await page.GetByTestId("login-button").ClickAsync();

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/login?returnUrl=%2Fshops", anonymous.Headers.Location?.OriginalString);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Shops", Exact = true })).ToBeVisibleAsync();
        foreach (var platform in new[] { "shopify", "woocommerce", "shopware" })
        {
            var section = page.Locator($"[data-testid=shop][data-platform={platform}]");
            await Assertions.Expect(section.GetByTestId("connection")).ToHaveTextAsync("connected");
            await Assertions.Expect(section.GetByTestId("url")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"/api/webhooks/shops/{platform}$"));
        }
        var woo = page.Locator("[data-testid=shop][data-platform=woocommerce]");
        await Assertions.Expect(woo.Locator("[data-testid=counts] tr[data-topic='order.created']")).ToBeVisibleAsync();
        await Assertions.Expect(woo.GetByTestId("last-delivery")).Not.ToHaveTextAsync("none yet");
    }
}

[Collection(HostPagesCollection.Name)]
public sealed class ShopsPageFlowsOnHost(HostPagesApp app) : ShopsPageFlows(app);

[Collection(FunctionsPagesCollection.Name)]
public sealed class ShopsPageFlowsOnFunctionApp(FunctionsPagesApp app) : ShopsPageFlows(app);
