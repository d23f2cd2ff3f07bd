namespace PostPurchase.Web.Studio;

/// <summary>Maps the merchant studio as minimal APIs (the Function App maps the same handlers as HTTP functions).</summary>
public static class StudioEndpoints
{
    /// <summary>Maps <c>/studio/...</c> (dashboard sign-in, anti-forgery on every POST) and <c>/api/studio/settings</c> (API key).</summary>
    public static IEndpointRouteBuilder MapStudioEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var studio = app.MapGroup("/studio").ExcludeFromDescription();
        studio.MapGet("", (Delegate)StudioHttp.OverviewAsync);
        studio.MapGet("/versions/{version}", (Delegate)StudioHttp.VersionAsync);
        studio.MapPost("/versions/{version}/revert", (Delegate)StudioHttp.RevertAsync);
        studio.MapGet("/export", (Delegate)StudioHttp.ExportAsync);
        studio.MapPost("/import", (Delegate)StudioHttp.ImportAsync);
        studio.MapGet("/branding", (Delegate)StudioBrandingHttp.PageAsync);
        studio.MapPost("/branding", (Delegate)StudioBrandingHttp.PostAsync);
        studio.MapGet("/flows", (Delegate)StudioFlowsHttp.PageAsync);
        studio.MapPost("/flows", (Delegate)StudioFlowsHttp.PostAsync);
        studio.MapGet("/templates", (Delegate)StudioTemplatesHttp.PageAsync);
        studio.MapPost("/templates", (Delegate)StudioTemplatesHttp.PostAsync);
        studio.MapPost("/templates/preview", (Delegate)StudioTemplatesHttp.PreviewAsync);
        studio.MapPost("/templates/test-send", (Delegate)StudioTestSendHttp.SendAsync);
        var api = app.MapGroup("/api/studio").WithTags("Studio");
        api.MapGet("/settings", (Delegate)StudioApiHttp.GetAsync).WithName("GetStudioSettings")
            .WithSummary("The merchant studio's settings document in force (branding, flows and timings, templates, WhatsApp templates); ETag \"v{version}\".");
        api.MapPut("/settings", (Delegate)StudioApiHttp.PutAsync).WithName("PutStudioSettings")
            .WithSummary("Validates a whole settings document and saves it as the next version; If-Match \"v{version}\" refuses a stale edit with 412.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return app;
    }
}
