using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace PostPurchase.Web.Api;

/// <summary>The RFC 7807 problems the API answers with; each says what went wrong and what to do about it.</summary>
public static class ApiProblems
{
    /// <summary>400 naming every invalid field (keys are JSON paths such as <c>customer.phone</c>).</summary>
    public static ProblemHttpResult Invalid(IReadOnlyDictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid request",
            Detail = detail ?? "The request has invalid fields; see 'errors' for each one.",
        });

    /// <summary>400 for one field.</summary>
    public static ProblemHttpResult Invalid(string field, string message, string? detail = null) =>
        Invalid(new Dictionary<string, string[]> { [field] = [message] }, detail);

    /// <summary>404 for an order id that is not known.</summary>
    public static ProblemHttpResult OrderNotFound(string orderId) =>
        Problem(StatusCodes.Status404NotFound, "Order not found", $"No order with id '{orderId}' was placed. Post it to /api/orders first.");

    /// <summary>401 for a missing or wrong API key.</summary>
    public static ProblemHttpResult MissingApiKey() =>
        Problem(StatusCodes.Status401Unauthorized, "API key required",
            $"Send the merchant API key in the '{ApiKeyCheck.HeaderName}' header (or as '?{ApiKeyCheck.QueryName}=').");

    /// <summary>413 for a body over <paramref name="maxBytes"/> (by default <see cref="RequestBody.MaxBytes"/>).</summary>
    public static ProblemHttpResult TooLarge(int maxBytes = RequestBody.MaxBytes) =>
        Problem(StatusCodes.Status413PayloadTooLarge, "Request body too large",
            $"Bodies are limited to {maxBytes / 1024} KB.");

    /// <summary>A problem with the given status, title and detail.</summary>
    public static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
