using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using PostPurchase.Functions.Workflows;

namespace PostPurchase.Functions.Http;

/// <summary>Runs one of the shared web handlers (<c>src/PostPurchase.Web</c>) from an HTTP function, exactly as the Host runs it.</summary>
internal static class WebHandler
{
    /// <summary>Attaches the invocation's durable client (so the handler's services reach the order timelines), then runs <paramref name="handle"/> on the request's <see cref="HttpContext"/>.</summary>
    public static async Task<IActionResult> RunAsync(
        HttpRequest request, DurableTaskClient client, FunctionContext context, Func<HttpContext, Task<IResult>> handle)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(handle);
        DurableClientScope.Attach(context, client, request.HttpContext);
        return HttpResultAction.From(await handle(request.HttpContext));
    }
}
