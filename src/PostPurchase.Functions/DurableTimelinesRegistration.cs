using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Serialization;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions;

/// <summary>Registers what only the Azure runtime adds on top of the shared services: the Durable workflow port and its settings.</summary>
public static class DurableTimelinesRegistration
{
    /// <summary>Adds <see cref="IOrderWorkflows"/> on Durable Functions, the <c>PostPurchase:Durable</c> settings and the PostPurchase JSON shape for durable payloads.</summary>
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
            .ValidateOnStart();

        // Orchestration inputs, events and activity payloads use the API's JSON shape: enums as kebab-case strings.
        services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(CoreJson.Options));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CustomerLinks>(CreateLinks);
        services.TryAddSingleton<MessageComposer>(sp => new MessageComposer(sp.GetRequiredService<IOptions<PostPurchaseOptions>>().Value.Branding));

        services.AddScoped<DurableClientScope>();
        // The self-hosted engine's workflows must not run here: every order is an orchestration.
        services.RemoveAll<IOrderWorkflows>();
        services.AddScoped<IOrderWorkflows, DurableOrderWorkflows>();
        return builder;
    }

    private static CustomerLinks CreateLinks(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;
        var key = settings.SigningKey
            ?? throw new InvalidOperationException("Set PostPurchase:SigningKey (at least 16 characters) to sign the buyer's links.");
        return new CustomerLinks(key, settings.PublicBaseUrl, services.GetRequiredService<TimeProvider>());
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
