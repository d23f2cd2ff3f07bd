using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using PostPurchase.Core.Serialization;
using PostPurchase.Functions;
using PostPurchase.Functions.Http;
using PostPurchase.Functions.Tests.Support;

namespace PostPurchase.Web.Tests.Support;

/// <summary>
/// The Function App's own <c>[HttpTrigger]</c> functions served on a loopback Kestrel server: routes and methods from
/// the attributes, each function class created from the app's real service composition (AddPostPurchaseFunctionsApp),
/// a FunctionContext whose InstanceServices is the request scope, and a real Durable Task client and worker (the
/// in-process backend) running the app's orchestration and activities on the same services.
/// </summary>
/// <remarks>What it leaves out is the Functions host itself (scripts/run-functions.sh runs the app under it).</remarks>
internal sealed class FunctionsLoopbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly DurableTaskTestHost _durable;

    private FunctionsLoopbackHost(WebApplication app, DurableTaskTestHost durable, Uri baseAddress)
    {
        _app = app;
        _durable = durable;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public DurableTaskClient Client => _durable.Client;

    /// <summary>Builds the app's services with <paramref name="settings"/>, starts the durable backend and serves the HTTP functions.</summary>
    public static async Task<FunctionsLoopbackHost> StartAsync(IEnumerable<KeyValuePair<string, string>> settings, Action<IServiceCollection>? overrideServices = null)
    {
        string[] args = ["--environment=Testing", "--urls=http://127.0.0.1:0", .. settings.Select(s => $"--{s.Key}={s.Value}")];
        var builder = WebApplication.CreateBuilder(args);
        builder.AddPostPurchaseFunctionsApp();
        overrideServices?.Invoke(builder.Services);
        var app = builder.Build();

        // The app's payload shape, as AddDurableTimelines sets it for the worker: enums as kebab-case strings, typed inputs.
        var converter = new JsonDataConverter(CoreJson.Options);
        var durable = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddFunctionsOf(typeof(HealthFunction).Assembly, () => app.Services),
            new DurableTaskTestHostOptions
            {
                Port = FreePort(),
                LoggerFactory = NullLoggerFactory.Instance,
                ConfigureServices = services =>
                {
                    services.Configure<DurableTaskWorkerOptions>(o => o.DataConverter = converter);
                    services.Configure<DurableTaskClientOptions>(o => o.DataConverter = converter);
                },
            });
        foreach (var function in HttpFunctions())
        {
            app.MapMethods("/" + function.Route, function.Methods, context => InvokeAsync(context, function.Method, durable.Client));
        }
        await app.StartAsync();
        var bound = app.Urls.First(u => u.StartsWith("http://", StringComparison.Ordinal));
        return new FunctionsLoopbackHost(app, durable, new Uri(bound.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _durable.DisposeAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Runs the app's timer function <paramref name="name"/> once, in its own scope, as the Functions host does when it is due.</summary>
    public async Task RunTimerAsync(string name)
    {
        var method = typeof(HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == name && m.GetParameters().Any(p => p.GetCustomAttribute<TimerTriggerAttribute>() is not null));
        await using var scope = _app.Services.CreateAsyncScope();
        var function = ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
        var invocation = Mock.Of<FunctionContext>(c => c.InstanceServices == scope.ServiceProvider && c.CancellationToken == CancellationToken.None && c.InvocationId == Guid.NewGuid().ToString());
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            _ when p.ParameterType == typeof(TimerInfo) => new TimerInfo(),
            _ when p.ParameterType == typeof(DurableTaskClient) => Client,
            _ when p.ParameterType == typeof(FunctionContext) => (object)invocation,
            _ => throw new InvalidOperationException($"{method.Name}: no binding for parameter {p.Name} ({p.ParameterType.Name})."),
        }).ToArray();
        await (Task)method.Invoke(function, arguments)!;
    }

    /// <summary>Every public method with <c>[Function]</c> and an <c>[HttpTrigger]</c> parameter, with its route and methods.</summary>
    public static IReadOnlyList<(MethodInfo Method, string Route, string[] Methods)> HttpFunctions() =>
        typeof(HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .Select(m => (Method: m, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Trigger is not null)
            .Select(f => (f.Method, f.Trigger!.Route ?? f.Method.GetCustomAttribute<FunctionAttribute>()!.Name, f.Trigger.Methods!.Select(m => m.ToUpperInvariant()).ToArray()))
            .ToList();

    private static async Task InvokeAsync(HttpContext context, MethodInfo method, DurableTaskClient client)
    {
        var invocationId = Guid.NewGuid().ToString();
        var services = context.RequestServices;
        try
        {
            var function = ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
            var invocation = Mock.Of<FunctionContext>(c =>
                c.InstanceServices == services && c.CancellationToken == context.RequestAborted && c.InvocationId == invocationId);
            var arguments = method.GetParameters().Select(p => p.ParameterType switch
            {
                _ when p.ParameterType == typeof(HttpRequest) => context.Request,
                _ when p.ParameterType == typeof(DurableTaskClient) => client,
                _ when p.ParameterType == typeof(FunctionContext) => invocation,
                _ when p.ParameterType == typeof(string) => (object?)context.Request.RouteValues[p.Name!]?.ToString(),
                _ => throw new InvalidOperationException($"{method.Name}: no binding for parameter {p.Name} ({p.ParameterType.Name})."),
            }).ToArray();
            var result = await (Task<IActionResult>)method.Invoke(function, arguments)!;
            await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var logger = services.GetRequiredService<ILogger<FunctionsLoopbackHost>>();
            await HttpProblemMiddleware.WriteAsync(context, exception is TargetInvocationException { InnerException: { } inner } ? inner : exception, invocationId, logger);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
