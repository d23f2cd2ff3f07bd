using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Shops;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Shops;
using PostPurchase.Web.Endpoints;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Shops;

/// <summary><c>GET /shops</c>: the dashboard's Shops page for both runtimes, behind the dashboard sign-in.</summary>
public static class ShopsDashboardHttp
{
    /// <summary>Renders the page, or redirects to sign-in.</summary>
    public static async Task<IResult> PageAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var dash = new DashboardServices(http);
        if (dash.Challenge() is { } challenge)
        {
            return challenge;
        }
        var store = http.RequestServices.GetRequiredService<ShopStore>();
        var settings = http.RequestServices.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;
        var statuses = new List<ShopStatus>();
        foreach (var platform in ShopPlatforms.All)
        {
            statuses.Add(await store.StatusAsync(platform, http.RequestAborted).ConfigureAwait(false));
        }
        return dash.Page(ShopsPage.Render(dash.Chrome(), settings.Shops, settings.PublicBaseUrl, statuses));
    }
}
