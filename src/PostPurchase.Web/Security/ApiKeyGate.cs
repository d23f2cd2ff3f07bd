using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Security;

/// <summary>Guards the merchant routes with the API key (<c>x-functions-key</c> header or <c>?code=</c>); the handlers of both runtimes call it first.</summary>
internal static partial class ApiKeyGate
{
    /// <summary>Null when the request carries the merchant API key; else the 401 problem to answer.</summary>
    public static IResult? Refuse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        var expected = services.GetRequiredService<IOptionsMonitor<PostPurchaseOptions>>().CurrentValue.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            LogNoKey(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiKeyGate)));
            return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "API key not configured",
                "This server has no merchant API key yet; set PostPurchase__ApiKey (scripts/run.sh generates one).");
        }
        return ApiKeyCheck.IsAuthorized(context.Request, expected) ? null : ApiProblems.MissingApiKey();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Merchant API refused: PostPurchase:ApiKey is not configured")]
    private static partial void LogNoKey(ILogger logger);
}
