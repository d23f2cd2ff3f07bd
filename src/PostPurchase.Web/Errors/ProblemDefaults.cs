using Microsoft.AspNetCore.Http;

namespace PostPurchase.Web.Errors;

/// <summary>Adds a developer-facing explanation to problems that the framework raises without one (415, 405, 404 routes).</summary>
internal static class ProblemDefaults
{
    public static void Explain(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        problem.Detail ??= problem.Status switch
        {
            StatusCodes.Status415UnsupportedMediaType => "Send the body as JSON with the header 'Content-Type: application/json'.",
            StatusCodes.Status405MethodNotAllowed => $"{context.HttpContext.Request.Method} is not allowed on {context.HttpContext.Request.Path}; see /openapi/v1.json.",
            StatusCodes.Status404NotFound => $"No route matches {context.HttpContext.Request.Path}; see /openapi/v1.json.",
            _ => null,
        };
    }
}
