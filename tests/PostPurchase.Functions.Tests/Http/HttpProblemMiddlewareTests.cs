using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PostPurchase.Functions.Http;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Tests.Http;

public sealed class HttpProblemMiddlewareTests
{
    [Fact]
    public async Task WriteAsync_TimelineStillStarting_503WithRetryAfterSoTheSenderSendsItAgain()
    {
        var http = Context();

        await HttpProblemMiddleware.WriteAsync(http, new TimelineStartingException("PP-42"), "inv-1", NullLogger.Instance);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        var problem = await Problem(http);
        Assert.Equal("Order not ready", problem.GetProperty("title").GetString());
        Assert.Contains("PP-42", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_TheFunctionsHostFailedTheDurableCallWhileStorageWasAway_503WithRetryAfter()
    {
        var http = Context();
        var failed = new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unknown, "Exception was thrown by handler."));

        await HttpProblemMiddleware.WriteAsync(http, failed, "inv-3", NullLogger.Instance);

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
    }

    [Fact]
    public async Task WriteAsync_UnexpectedFailure_500NamingTheInvocationOnly()
    {
        var http = Context();

        await HttpProblemMiddleware.WriteAsync(http, new InvalidOperationException("secret=abc"), "inv-2", NullLogger.Instance);

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        var detail = (await Problem(http)).GetProperty("detail").GetString();
        Assert.Contains("inv-2", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", detail, StringComparison.Ordinal);
    }

    private static DefaultHttpContext Context()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        return new DefaultHttpContext { RequestServices = services, Response = { Body = new MemoryStream() } };
    }

    private static async Task<JsonElement> Problem(HttpContext http)
    {
        http.Response.Body.Position = 0;
        using var json = await JsonDocument.ParseAsync(http.Response.Body);
        return json.RootElement.Clone();
    }
}
