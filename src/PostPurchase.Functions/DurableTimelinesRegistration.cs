using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Serialization;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Runtime;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions;

/// <summary>Registers what only the Azure runtime adds on top of the shared services: the Durable workflow port and its settings.</summary>
public static class DurableTimelinesRegistration
{
    /// <summary>Adds <see cref="IOrderWorkflows"/> on Durable Functions, the <c>PostPurchase:Durable</c> settings and the PostPurchase JSON shape for durable payloads and HTTP answers.</summary>
    public static IHostApplicationBuilder AddDurableTimelines(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DurableTimelineOptions>()
            .Bind(builder.Configuration.GetSection(DurableTimelineOptions.Section))
            .Validate(o => TryValidate(o), "PostPurchase:Durable:Retry is invalid: MaxAttempts >= 1, FirstInterval > 0, BackoffCoefficient >= 1, MaxInterval >= FirstInterval.")
            .Validate(o => o.StuckAfter > TimeSpan.Zero, "PostPurchase:Durable:StuckAfter must be more than zero.")
            .Validate(o => o.RetentionDays >= 1, "PostPurchase:Durable:RetentionDays must be at least 1.")
            .Validate(o => o.MaxInstancesPerRun >= 1, "PostPurchase:Durable:MaxInstancesPerRun must be at least 1.")
            .Validate(o => o.StartWait >= TimeSpan.Zero && o.StartWait <= TimeSpan.FromMinutes(1), "PostPurchase:Durable:StartWait must be from 00:00:00 to 00:01:00.")
            .ValidateOnStart();

        // Orchestration inputs, events and activity payloads use the API's JSON shape: enums as kebab-case strings.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(CoreJson.Options));
        // HTTP answers too, exactly as the self-hosted runtime writes them.
        services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        services.AddProblemDetails();

        // The self-hosted engine must not run here: every order is an orchestration, driven through these instead.
        RemoveEngineLoops(services);
        services.AddScoped<DurableClientScope>();
        services.AddSingleton<IOrderIndexes, StorageOrderIndexes>();
        services.RemoveAll<IOrderWorkflows>();
        services.AddScoped<IOrderWorkflows, DurableOrderWorkflows>();
        services.RemoveAll<ITrackingIngress>();
        services.AddScoped<ITrackingIngress, DurableTrackingIngress>();
        return builder;
    }

    private static void RemoveEngineLoops(IServiceCollection services)
    {
        // The ACS status poll raises inputs from the background, which needs a durable client only an invocation has:
        // on Azure the delivery reports (Event Grid) carry the outcome.
        services.RemoveAll<Infrastructure.Channels.Acs.AcsStatusPoll>();
        var loops = services.Where(d => d.ServiceType == typeof(IHostedService)
            && (d.ImplementationType == typeof(EngineService) || d.ImplementationType == typeof(Infrastructure.Channels.Acs.AcsStatusPollService))).ToList();
        foreach (var loop in loops)
        {
            services.Remove(loop);
        }
    }

    private static bool TryValidate(DurableTimelineOptions options)
    {
        try
        {
            options.ToActivityRetry();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
