using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Errors;

/// <summary>Turns every unhandled exception into problem+json; the response never carries the exception's text (it may hold secrets), the log does.</summary>
internal sealed partial class HostExceptionHandler(IProblemDetailsService problems, ILogger<HostExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, title, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (StatusCodes.Status413PayloadTooLarge, "Request body too large", $"Bodies are limited to {RequestBody.MaxBytes / 1024} KB."),
            BadHttpRequestException bad =>
                (bad.StatusCode, "Bad request", "The request could not be read."),
            AntiforgeryValidationException =>
                (StatusCodes.Status400BadRequest, "Bad request", "The form could not be read; reload the page and try again."),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "Request cancelled", "The client closed the request."),
            Infrastructure.Workflows.TimelineStartingException starting =>
                (StatusCodes.Status503ServiceUnavailable, "Order not ready", starting.Message),
            _ when StorageUnavailable.Is(exception, httpContext.RequestAborted) =>
                (StatusCodes.Status503ServiceUnavailable, StorageUnavailable.Title, StorageUnavailable.Detail),
            _ => (StatusCodes.Status500InternalServerError, "Unexpected error",
                "Something went wrong on our side; nothing about it is shown here. Quote the traceId when you report it."),
        };
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            StorageUnavailable.AskToRetry(httpContext.Response);
            LogStorageUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name, exception.Message);
        }
        else if (status >= 500)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            LogRefused(logger, status, httpContext.Request.Method, httpContext.Request.Path, exception.GetType().Name);
        }
        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error in {Method} {Path}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, PathString path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Method} {Path} with 503, to be sent again ({ExceptionType}: {Reason})")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, PathString path, string exceptionType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered {Status} to {Method} {Path} ({ExceptionType})")]
    private static partial void LogRefused(ILogger logger, int status, string method, PathString path, string exceptionType);
}
