using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Endpoints;

/// <summary>The order page's Resend action: sends one message again through the timeline.</summary>
internal static class DashboardResend
{
    /// <summary>Raises <see cref="MessageResendRequested"/> for the form's message; the form's request id makes a double submit harmless.</summary>
    public static async Task<IResult> ResendAsync(string orderId, HttpContext context, [AsParameters] DashboardEndpoints.DashServices s, CancellationToken ct)
    {
        if (await s.RejectPostAsync(context) is { } rejected)
        {
            return rejected;
        }
        var form = await context.Request.ReadFormAsync(ct);
        var key = form["key"].ToString();
        var requestId = form["requestId"].ToString();
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(requestId))
        {
            return Results.Problem("The resend form needs the message 'key' and a 'requestId'; reload the order page and try again.", statusCode: StatusCodes.Status400BadRequest);
        }
        var snapshot = await s.Workflows.GetAsync(orderId, ct);
        if (snapshot is null)
        {
            return Results.NotFound();
        }
        if (!snapshot.Messages.Any(m => m.Message.Key == key))
        {
            return Results.Problem($"Order '{orderId}' has no message '{key}' to resend.", statusCode: StatusCodes.Status400BadRequest);
        }
        var input = new MessageResendRequested(key, "dashboard") { RequestId = requestId };
        return await s.Workflows.RaiseAsync(orderId, input, ct)
            ? Results.Redirect($"/orders/{Uri.EscapeDataString(orderId)}?done=resend")
            : Results.NotFound();
    }
}
