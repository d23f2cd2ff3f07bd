using PostPurchase.Web.Api;
using System.Xml;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Infrastructure.Time;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Pages.Dashboard;

namespace PostPurchase.Web.Endpoints;

/// <summary>The dashboard's form posts (signed in, anti-forgery checked): cancel, refund, resend, webhook replay and the simulated clock.</summary>
public static class DashboardActions
{
    /// <summary>POST /orders/{orderId}/cancel: the merchant cancelled the order.</summary>
    public static Task<IResult> CancelAsync(HttpContext context, string orderId) =>
        RaiseAsync(context, orderId, "cancel", new OrderCancelled("merchant", "Cancelled in the dashboard."));

    /// <summary>POST /orders/{orderId}/refund: the merchant refunded the order.</summary>
    public static Task<IResult> RefundAsync(HttpContext context, string orderId) =>
        RaiseAsync(context, orderId, "refund", new OrderRefunded(false, "Marked refunded in the dashboard."));

    /// <summary>POST /orders/{orderId}/resend: sends one message again through the timeline; the form's request id makes a double submit harmless.</summary>
    public static async Task<IResult> ResendAsync(HttpContext context, string orderId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (await s.RejectPostAsync().ConfigureAwait(false) is { } rejected)
        {
            return rejected;
        }
        var ct = context.RequestAborted;
        if (await RequestForm.ReadAsync(context.Request, ct).ConfigureAwait(false) is not { } form)
        {
            return RequestForm.Unreadable();
        }
        var key = form["key"].ToString();
        var requestId = form["requestId"].ToString();
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(requestId))
        {
            return Results.Problem("The resend form needs the message 'key' and a 'requestId'; reload the order page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }
        var snapshot = await s.Workflows.GetAsync(orderId, ct).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Results.NotFound();
        }
        if (!snapshot.Messages.Any(m => m.Message.Key == key))
        {
            return Results.Problem($"Order '{orderId}' has no message '{key}' to resend.", statusCode: StatusCodes.Status400BadRequest);
        }
        var input = new MessageResendRequested(key, "dashboard") { RequestId = requestId };
        return await s.Workflows.RaiseAsync(orderId, input, ct).ConfigureAwait(false)
            ? Results.Redirect($"/orders/{Uri.EscapeDataString(orderId)}?done=resend")
            : Results.NotFound();
    }

    /// <summary>POST /webhooks/{id}/replay: sends a logged webhook delivery to the shop again.</summary>
    public static async Task<IResult> ReplayAsync(HttpContext context, string id)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (await s.RejectPostAsync().ConfigureAwait(false) is { } rejected)
        {
            return rejected;
        }
        var webhooks = s.Services.GetRequiredService<IMerchantWebhooks>();
        return await webhooks.ReplayAsync(id, context.RequestAborted).ConfigureAwait(false) is null
            ? Results.NotFound()
            : Results.Redirect("/webhooks?done=replay");
    }

    /// <summary>POST /clock/advance: moves the simulated clock (self-hosted runtime with <c>PostPurchase:Clock=Simulated</c> only).</summary>
    public static async Task<IResult> AdvanceClockAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (await s.RejectPostAsync().ConfigureAwait(false) is { } rejected)
        {
            return rejected;
        }
        if (s.Time is not SimulatedClock clock)
        {
            return Results.Problem("The clock can only be moved when PostPurchase:Clock is Simulated.", statusCode: StatusCodes.Status404NotFound);
        }
        if (await RequestForm.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false) is not { } form)
        {
            return RequestForm.Unreadable();
        }
        TimeSpan by;
        try
        {
            by = XmlConvert.ToTimeSpan(form["by"].ToString());
        }
        catch (FormatException)
        {
            return Results.Problem("'by' must be an ISO 8601 duration such as P1D or PT6H.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (by <= TimeSpan.Zero)
        {
            return Results.Problem("'by' must be a positive duration.", statusCode: StatusCodes.Status400BadRequest);
        }
        clock.Advance(by);
        await s.Services.GetRequiredService<IWorkflowRuntime>().DrainAsync(context.RequestAborted).ConfigureAwait(false);
        return Results.Redirect(DashboardAuth.SafeReturnUrl(form["returnUrl"]));
    }

    private static async Task<IResult> RaiseAsync(HttpContext context, string orderId, string done, TimelineInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var s = new DashboardServices(context);
        if (await s.RejectPostAsync().ConfigureAwait(false) is { } rejected)
        {
            return rejected;
        }
        return await s.Workflows.RaiseAsync(orderId, input, context.RequestAborted).ConfigureAwait(false)
            ? Results.Redirect($"/orders/{Uri.EscapeDataString(orderId)}?done={done}")
            : Results.NotFound();
    }
}
