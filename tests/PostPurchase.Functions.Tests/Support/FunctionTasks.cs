using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>
/// Registers the app's own <c>[Function]</c> orchestrators and activities with a Durable Task worker, under the names
/// their attributes give, the way the Functions host indexes them: a renamed function or a changed signature fails here.
/// </summary>
internal static class FunctionTasks
{
    /// <summary>Adds every orchestration and activity function declared in <paramref name="assembly"/>.</summary>
    /// <param name="appServices">The app's own services for the activities (a scope per run); by default the worker's.</param>
    public static IReadOnlyList<string> AddFunctionsOf(this DurableTaskRegistry registry, Assembly assembly, Func<IServiceProvider>? appServices = null)
    {
        var names = new List<string>();
        var methods = assembly.GetTypes().Where(t => t.IsPublic)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly));
        foreach (var method in methods)
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()?.Name;
            if (name is null)
            {
                continue;
            }
            var parameters = method.GetParameters();
            if (parameters.Any(p => p.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null))
            {
                registry.AddOrchestrator(name, () => new FunctionOrchestrator(method));
                names.Add(name);
            }
            else if (parameters.Any(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null))
            {
                registry.AddActivity(name, services => new FunctionActivity(method, appServices?.Invoke() ?? services));
                names.Add(name);
            }
        }
        return names;
    }

    private static async Task<object?> InvokeAsync(MethodInfo method, object? target, object?[] arguments)
    {
        var result = method.Invoke(target, arguments);
        if (result is not Task task)
        {
            return result;
        }
        await task;
        return method.ReturnType.IsGenericType ? method.ReturnType.GetProperty(nameof(Task<object>.Result))!.GetValue(task) : null;
    }

    private static Type OutputOf(MethodInfo method) =>
        method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() == typeof(Task<>)
            ? method.ReturnType.GetGenericArguments()[0]
            : typeof(object);

    private sealed class FunctionOrchestrator(MethodInfo method) : ITaskOrchestrator
    {
        public Type InputType { get; } = method.GetParameters().Single(p => p.ParameterType != typeof(TaskOrchestrationContext)).ParameterType;

        public Type OutputType { get; } = OutputOf(method);

        public Task<object?> RunAsync(TaskOrchestrationContext context, object? input) =>
            InvokeAsync(method, null, method.GetParameters()
                .Select(p => p.ParameterType == typeof(TaskOrchestrationContext) ? context : input)
                .ToArray());
    }

    private sealed class FunctionActivity(MethodInfo method, IServiceProvider services) : ITaskActivity
    {
        public Type InputType { get; } = method.GetParameters().Single(p => p.GetCustomAttribute<ActivityTriggerAttribute>() is not null).ParameterType;

        public Type OutputType { get; } = OutputOf(method);

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            await using var scope = services.CreateAsyncScope();
            var target = method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, method.DeclaringType!);
            var invocation = Mock.Of<FunctionContext>(c =>
                c.InstanceServices == scope.ServiceProvider && c.CancellationToken == CancellationToken.None && c.InvocationId == context.InstanceId);
            return await InvokeAsync(method, target, method.GetParameters()
                .Select(p => p.ParameterType == typeof(FunctionContext) ? invocation : input)
                .ToArray());
        }
    }
}
