using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Functions.Http;
using PostPurchase.Host;

namespace PostPurchase.Web.Tests.Parity;

/// <summary>Every route the self-hosted runtime serves is served by the Function App too, but for the documented Host-only list.</summary>
public sealed class RouteParityTests
{
    /// <summary>The simulated clock: durable timers run on real time, so only the self-hosted runtime can move the clock (docs/azure.md).</summary>
    public static readonly IReadOnlyList<string> HostOnly = ["GET /api/dev/clock", "POST /api/dev/clock/advance", "POST /clock/advance"];

    [Fact]
    public async Task FunctionApp_EveryHostRoute_HasAnHttpTriggerForTheSameMethodAndPath()
    {
        var hostRoutes = await HostRoutesAsync();
        var functionRoutes = FunctionRoutes();

        var missing = hostRoutes
            .Where(r => !HostOnly.Contains($"{r.Method} {r.Pattern.RawText}"))
            .Where(r => !functionRoutes.Any(f => f.Method == r.Method && f.Matches(SamplePath(r.Pattern))))
            .Select(r => $"{r.Method} {r.Pattern.RawText}")
            .ToList();

        Assert.True(missing.Count == 0, "Host routes without an HTTP function: " + string.Join(", ", missing));
        Assert.Contains(hostRoutes, r => r.Pattern.RawText == "/track/{token}/cancel");
        Assert.Equal(StudioRoutes, hostRoutes.Select(r => $"{r.Method} {r.Pattern.RawText}").Where(IsStudio).Order(StringComparer.Ordinal));
        Assert.All(HostOnly, only => Assert.Contains(hostRoutes, r => $"{r.Method} {r.Pattern.RawText}" == only));
    }

    /// <summary>The merchant studio's pages and settings API, which both runtimes serve.</summary>
    private static readonly string[] StudioRoutes =
    [
        "GET /api/studio/settings", "GET /studio/", "GET /studio/branding", "GET /studio/export", "GET /studio/flows", "GET /studio/templates",
        "GET /studio/versions/{version}", "POST /studio/branding", "POST /studio/flows", "POST /studio/import", "POST /studio/templates",
        "POST /studio/templates/preview", "POST /studio/templates/test-send", "POST /studio/versions/{version}/revert", "PUT /api/studio/settings",
    ];

    private static bool IsStudio(string route) => route.Contains(" /studio", StringComparison.Ordinal) || route.Contains(" /api/studio/", StringComparison.Ordinal);

    [Fact]
    public void FunctionApp_RootRoute_MatchesOnlyTheEmptyPath()
    {
        var root = FunctionRoutes().Single(f => f.Name == nameof(DashboardFunctions.DashboardOrders));

        Assert.True(root.Matches("/"));
        Assert.False(root.Matches("/favicon.ico"));
    }

    /// <summary>The Host's routes as its endpoint data source lists them (Development: with the API reference).</summary>
    private static async Task<List<(string Method, RoutePattern Pattern)>> HostRoutesAsync()
    {
        await using var app = HostApplication.Build(["--environment=Development", "--PostPurchase:Storage=UseDevelopmentStorage=true"]);
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>();
        return endpoints
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern)))
            .ToList();
    }

    private static List<FunctionRoute> FunctionRoutes() =>
        typeof(HealthFunction).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Select(m => (Name: m.GetCustomAttribute<FunctionAttribute>()?.Name, Trigger: m.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null)))
            .Where(f => f.Name is not null && f.Trigger is not null)
            .SelectMany(f => f.Trigger!.Methods!.Select(method => new FunctionRoute(f.Name!, method.ToUpperInvariant(), f.Trigger.Route ?? f.Name!)))
            .ToList();

    /// <summary>A path the pattern matches: every parameter filled with a plain value (the one OpenAPI document's name), optional ones left out.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments
            .Select(s => string.Concat(s.Parts.Select(p => p switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternParameterPart { IsOptional: true } or RoutePatternParameterPart { IsCatchAll: true } => "",
                RoutePatternParameterPart { Name: "documentName" } => "v1",
                RoutePatternParameterPart => "x1",
                _ => "",
            })))
            .Where(s => s.Length > 0);
        return "/" + string.Join('/', segments);
    }

    private sealed record FunctionRoute(string Name, string Method, string Route)
    {
        private static readonly IInlineConstraintResolver Constraints =
            new ServiceCollection().AddRouting().BuildServiceProvider().GetRequiredService<IInlineConstraintResolver>();

        private readonly RoutePattern _pattern = RoutePatternFactory.Parse(Route);

        /// <summary>True when the Functions host would route <paramref name="path"/> here (constraints included, as the host checks them).</summary>
        public bool Matches(string path)
        {
            var values = new RouteValueDictionary();
            if (!new TemplateMatcher(new RouteTemplate(_pattern), []).TryMatch(path, values))
            {
                return false;
            }
            // As in routing, an optional parameter that is absent skips its constraints.
            return _pattern.Parameters.All(p => values[p.Name] is null || p.ParameterPolicies.All(policy =>
                Constraints.ResolveConstraint(policy.Content!) is not { } constraint
                || constraint.Match(null, null, p.Name, values, RouteDirection.IncomingRequest)));
        }
    }
}
