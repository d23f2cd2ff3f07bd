using Microsoft.Extensions.DependencyInjection;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>Registers the embedded engine's parts; the caller provides StorageAccount, EngineOptions, TimeProvider, senders, logging and metrics.</summary>
internal static class EngineRegistration
{
    public static IServiceCollection AddEmbeddedEngine(this IServiceCollection services)
    {
        services.AddSingleton<OrderStore>();
        services.AddSingleton<OutboxStore>();
        services.AddSingleton<OutboxAttention>();
        services.AddSingleton<ParcelIndex>();
        services.AddSingleton<PhoneDirectory>();
        services.AddSingleton<WakeupIndex>();
        services.AddSingleton<OpenOrderIndex>();
        services.AddSingleton<OpenOrderIndexBuild>();
        services.AddSingleton<PoisonStore>();
        services.AddSingleton<IConsentLedger, ConsentLedger>();
        services.AddSingleton<ISendAttempts, SendAttempts>();
        services.AddSingleton<Channels.IProviderMessageIndex, ProviderMessageIndex>();
        services.AddSingleton<InboxQueue>();
        services.AddSingleton<StateCache>();
        services.AddSingleton<OrderLocks>();
        services.AddSingleton<WakeupBoard>();
        services.AddSingleton<OutboxWork>();
        services.AddSingleton<EngineActivity>();
        services.AddSingleton<EngineMetrics>();
        services.AddSingleton<TimelineApplier>();
        services.AddSingleton<InboxProcessor>();
        services.AddSingleton<WakeupScheduler>();
        services.AddSingleton<ProviderPauses>();
        services.AddSingleton<SweepSchedule>();
        services.AddSingleton<ChannelRecovery>();
        services.AddSingleton<InputBacklog>();
        services.AddSingleton<IAdmission, EngineAdmission>();
        services.AddSingleton<SendGate>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<TrackingIngress>();
        services.AddSingleton<OrderWorkflows>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<IOrderWorkflows>(sp => sp.GetRequiredService<OrderWorkflows>());
        services.AddSingleton<ITrackingIngress>(sp => sp.GetRequiredService<TrackingIngress>());
        services.AddSingleton<IWorkflowRuntime>(sp => sp.GetRequiredService<WorkflowRuntime>());
        services.AddSingleton<IOrderDirectory>(sp => sp.GetRequiredService<PhoneDirectory>());
        services.AddSingleton<IOrderReadModelStore>(sp => sp.GetRequiredService<OrderStore>());
        return services;
    }
}
