namespace PostPurchase.Web.Endpoints;

/// <summary>Maps the merchant dashboard at <c>/</c> (behind the API key or its sign-in cookie) to its handlers.</summary>
public static class DashboardEndpoints
{
    /// <summary>The dashboard's routes that only the self-hosted runtime serves: the simulated clock's form.</summary>
    public const string ClockRoute = "/clock/advance";

    /// <summary>Maps the dashboard pages, their actions and sign-in.</summary>
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var dash = app.MapGroup("").ExcludeFromDescription();
        dash.MapGet("/", Task<IResult> (HttpContext context) => DashboardHandlers.OrdersAsync(context));
        dash.MapGet("/orders/{orderId}", (HttpContext context, string orderId) => DashboardHandlers.OrderAsync(context, orderId));
        dash.MapPost("/orders/{orderId}/cancel", (HttpContext context, string orderId) => DashboardActions.CancelAsync(context, orderId));
        dash.MapPost("/orders/{orderId}/refund", (HttpContext context, string orderId) => DashboardActions.RefundAsync(context, orderId));
        dash.MapPost("/orders/{orderId}/resend", (HttpContext context, string orderId) => DashboardActions.ResendAsync(context, orderId));
        dash.MapGet("/metrics", Task<IResult> (HttpContext context) => DashboardHandlers.MetricsAsync(context));
        dash.MapGet("/webhooks", Task<IResult> (HttpContext context) => DashboardHandlers.WebhooksAsync(context));
        dash.MapPost("/webhooks/{id}/replay", (HttpContext context, string id) => DashboardActions.ReplayAsync(context, id));
        dash.MapPost(ClockRoute, Task<IResult> (HttpContext context) => DashboardActions.AdvanceClockAsync(context));
        dash.MapGet("/login", Task<IResult> (HttpContext context) => DashboardSignIn.LoginPageAsync(context));
        dash.MapPost("/login", Task<IResult> (HttpContext context) => DashboardSignIn.LoginAsync(context));
        dash.MapPost("/logout", Task<IResult> (HttpContext context) => DashboardSignIn.LogoutAsync(context));
        return app;
    }
}
