using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace PostPurchase.Functions.Workflows;

/// <summary>The Durable Task client of the current invocation, for the services that drive timelines.</summary>
/// <remarks>
/// The isolated worker hands the client to functions only as a <c>[DurableClient]</c> binding, never through
/// dependency injection; functions attach it here first so that the shared services resolve
/// <see cref="Infrastructure.Workflows.IOrderWorkflows"/> as usual.
/// </remarks>
public sealed class DurableClientScope
{
    private DurableTaskClient? _client;

    /// <summary>The attached client.</summary>
    public DurableTaskClient Client => _client ?? throw new InvalidOperationException(
        "No Durable Task client is attached to this invocation: a function that starts or drives order timelines must take " +
        "a [DurableClient] DurableTaskClient and call DurableClientScope.Attach first.");

    /// <summary>Attaches <paramref name="client"/> to this scope.</summary>
    public void Use(DurableTaskClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>Attaches <paramref name="client"/> to the invocation's services and, when it has its own, the HTTP request's.</summary>
    public static void Attach(FunctionContext context, DurableTaskClient client, HttpContext? http = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.InstanceServices.GetRequiredService<DurableClientScope>().Use(client);
        if (http is not null && !ReferenceEquals(http.RequestServices, context.InstanceServices))
        {
            http.RequestServices.GetService<DurableClientScope>()?.Use(client);
        }
    }
}
