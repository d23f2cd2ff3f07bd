using PostPurchase.Web.Growth;
using PostPurchase.Web.Pages.Dashboard.Experiments;

namespace PostPurchase.Web.Endpoints;

/// <summary>Repeat purchase routes: measured links and the unsubscribe link for buyers, the A/B test pages for the merchant.</summary>
public static class GrowthEndpoints
{
    /// <summary>Maps <c>/l/{token}</c>, <c>/unsubscribe/{token}</c> (GET and POST) and <c>/experiments</c>, <c>/experiments/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapGrowthEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var routes = app.MapGroup("").ExcludeFromDescription();
        routes.MapGet("/l/{token}", (HttpContext context, string token) => MeasuredLinkHandler.FollowAsync(context, token));
        routes.MapGet("/unsubscribe/{token}", (HttpContext context, string token) => UnsubscribeHandler.ShowAsync(context, token));
        routes.MapPost("/unsubscribe/{token}", (HttpContext context, string token) => UnsubscribeHandler.UnsubscribeAsync(context, token)).DisableAntiforgery();
        routes.MapGet("/experiments", (Func<HttpContext, Task<IResult>>)ExperimentsHandler.ListAsync);
        routes.MapGet("/experiments/{id}", (HttpContext context, string id) => ExperimentsHandler.ShowAsync(context, id));
        return app;
    }
}
