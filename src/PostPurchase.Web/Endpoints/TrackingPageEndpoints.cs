namespace PostPurchase.Web.Endpoints;

/// <summary>Maps the buyer's tracking page <c>/track/{token}</c>, its self-service actions and assets to <see cref="TrackingPageHandlers"/>.</summary>
public static class TrackingPageEndpoints
{
    /// <summary>Maps the page, its actions, the review redirect and the shared assets.</summary>
    public static IEndpointRouteBuilder MapTrackingPageEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/assets/{name}", (HttpContext context, string name) => TrackingPageHandlers.GetAssetAsync(context, name)).ExcludeFromDescription();
        var track = app.MapGroup("/track/{token}").ExcludeFromDescription();
        track.MapGet("/", (HttpContext context, string token) => TrackingPageHandlers.GetPageAsync(context, token));
        track.MapGet("/review", (HttpContext context, string token) => TrackingPageHandlers.OpenReviewAsync(context, token));
        foreach (var action in TrackingPageHandlers.Actions)
        {
            track.MapPost($"/{action}", (HttpContext context, string token) => TrackingPageHandlers.ActionAsync(context, token, action));
        }
        return app;
    }
}
