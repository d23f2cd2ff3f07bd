using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace PostPurchase.Functions.Http;

/// <summary>Runs a minimal-API <see cref="IResult"/> (what the shared handlers answer) as the <see cref="IActionResult"/> an HTTP function returns.</summary>
internal sealed class HttpResultAction(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return result.ExecuteAsync(context.HttpContext);
    }

    /// <summary>Wraps <paramref name="result"/>.</summary>
    public static IActionResult From(IResult result) => new HttpResultAction(result);
}
