using Microsoft.Extensions.Options;
using PostPurchase.Web.Api;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Web.Security;

/// <summary>Guards merchant routes with the API key (<c>x-functions-key</c> header or <c>?code=</c>); 401 problem+json otherwise.</summary>
internal sealed partial class ApiKeyFilter(IOptionsMonitor<PostPurchaseOptions> options, ILogger<ApiKeyFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            LogNoKey(logger);
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "API key not configured",
                "This server has no merchant API key yet; set PostPurchase__ApiKey (scripts/run.sh generates one).");
        }
        if (!ApiKeyCheck.IsAuthorized(context.HttpContext.Request, expected))
        {
            return ApiProblems.MissingApiKey();
        }
        return await next(context);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Merchant API refused: PostPurchase:ApiKey is not configured")]
    private static partial void LogNoKey(ILogger logger);
}
