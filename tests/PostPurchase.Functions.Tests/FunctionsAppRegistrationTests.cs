using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PostPurchase.Functions.Timeline;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Tests;

public sealed class FunctionsAppRegistrationTests
{
    [Fact]
    public void AddPostPurchaseFunctionsApp_OnAPlainHost_ResolvesEveryFunctionClassOnTheDurablePorts()
    {
        // The composition of Program.cs, on a plain host: the Functions host itself is not needed to resolve services.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("PostPurchase:Storage", "UseDevelopmentStorage=true")]);
        builder.AddPostPurchaseFunctionsApp();
        using var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = services.CreateScope();

        var functionClasses = typeof(OrderTimelineOrchestration).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetMethods().Any(m => !m.IsStatic && m.GetCustomAttribute<FunctionAttribute>() is not null))
            .ToList();
        foreach (var type in functionClasses)
        {
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        }

        Assert.Contains(typeof(MessageActivities), functionClasses);
        Assert.Contains(typeof(PostPurchase.Functions.Http.OrderFunctions), functionClasses);
        Assert.IsType<DurableOrderWorkflows>(scope.ServiceProvider.GetRequiredService<IOrderWorkflows>());
        Assert.IsType<DurableTrackingIngress>(scope.ServiceProvider.GetRequiredService<ITrackingIngress>());
        Assert.DoesNotContain(builder.Services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(EngineService));
    }
}
