using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Api;

/// <summary>Asks the runtime's admission control before a handler stores anything: 503 with Retry-After when it is saturated.</summary>
public static class Admission
{
    /// <summary>Null when the request may go on; otherwise the 503 to answer (Retry-After set on the response).</summary>
    public static ProblemHttpResult? Refuse(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.HttpContext.RequestServices.GetService<IAdmission>()?.RetryAfter() is not { } wait)
        {
            return null;
        }
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        request.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Problem(StatusCodes.Status503ServiceUnavailable, "Busy",
            $"More work is waiting than storage takes right now; nothing was stored. Send it again in {seconds} s (Retry-After).");
    }
}
