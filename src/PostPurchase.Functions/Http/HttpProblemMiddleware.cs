using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PostPurchase.Web.Errors;

namespace PostPurchase.Functions.Http;

/// <summary>
/// Turns an unhandled exception in an HTTP function into problem+json, as the self-hosted runtime does: the answer
/// never carries the exception's text (it may hold secrets), the log does. Other triggers fail as usual, so the
/// Durable runtime still retries activities and records failed orchestrations.
/// </summary>
internal sealed partial class HttpProblemMiddleware(ILogger<HttpProblemMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context);
        }
        catch (Exception exception) when (context.GetHttpContext() is { Response.HasStarted: false } http)
        {
            await WriteAsync(http, exception, context.InvocationId, logger);
        }
    }

    /// <summary>Logs <paramref name="exception"/> and answers problem+json that names the invocation but never the exception.</summary>
    internal static async Task WriteAsync(HttpContext http, Exception exception, string invocationId, ILogger logger)
    {
        var (status, title, detail) = exception switch
        {
            // The caller's fault, found while reading the body or the form: never a 500 (nor, being an IOException, a 503).
            BadHttpRequestException bad => (bad.StatusCode, "Bad request", "The request could not be read."),
            AntiforgeryValidationException => (StatusCodes.Status400BadRequest, "Bad request", "The form could not be read; reload the page and try again."),
            OperationCanceledException when http.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "Request cancelled", "The client closed the request."),
            Infrastructure.Workflows.TimelineStartingException starting =>
                (StatusCodes.Status503ServiceUnavailable, "Order not ready", starting.Message),
            _ when StorageUnavailable.Is(exception, http.RequestAborted) || DurableHostUnavailable(exception) =>
                (StatusCodes.Status503ServiceUnavailable, StorageUnavailable.Title, StorageUnavailable.Detail),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error",
                $"Something went wrong on our side; nothing about it is shown here. Quote invocation {invocationId} when you report it."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            StorageUnavailable.AskToRetry(http.Response);
        }
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogRefused(logger, http.Request.Method, http.Request.Path, exception.GetType().Name, exception.Message, invocationId);
        }
        else if (status >= 500)
        {
            LogFailure(logger, exception, http.Request.Method, http.Request.Path, invocationId);
        }
        http.Response.StatusCode = status;
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>
    /// The Durable client's call to the Functions host failed on the host's side: while storage does not answer, the host's
    /// handler throws and the client sees an RPC error, not a storage exception. Sent again later, the request is served.
    /// </summary>
    internal static bool DurableHostUnavailable(Exception exception) => exception is Grpc.Core.RpcException
    {
        StatusCode: Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded or Grpc.Core.StatusCode.Unknown or Grpc.Core.StatusCode.Internal,
    } || exception.InnerException is { } inner && DurableHostUnavailable(inner);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 503, to be sent again ({ExceptionType}: {Reason}; invocation {InvocationId})")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string exceptionType, string reason, string invocationId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path} (invocation {InvocationId})")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path, string invocationId);
}
