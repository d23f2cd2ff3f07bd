using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>The engine's tables and queue in one storage account, every client counted by <see cref="StorageRequestCounter"/>.</summary>
internal sealed class StorageAccount
{
    public const string InboxQueueName = "timeline-inputs";
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private volatile bool _created;
    private readonly TableServiceClient _tables;
    private readonly string _prefix;

    /// <param name="connectionString">A storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite).</param>
    /// <param name="counter">Counts every request the engine makes.</param>
    /// <param name="namePrefix">Prefix of every table and queue name (letters and digits), so several engines or tests can share one account.</param>
    public StorageAccount(string connectionString, StorageRequestCounter counter, string namePrefix = "")
        : this(new StorageClientFactory(StorageConnection.FromConnectionString(connectionString)), counter, namePrefix)
    {
    }

    /// <param name="clients">Where the clients come from: a connection string or the managed identity.</param>
    /// <param name="counter">Counts every request the engine makes.</param>
    /// <param name="namePrefix">Prefix of every table and queue name (letters and digits), so several engines or tests can share one account.</param>
    public StorageAccount(StorageClientFactory clients, StorageRequestCounter counter, string namePrefix = "")
    {
        ArgumentNullException.ThrowIfNull(clients);
        if (namePrefix.Any(c => !char.IsAsciiLetterOrDigit(c)))
        {
            throw new ArgumentException("The storage name prefix may hold only ASCII letters and digits.", nameof(namePrefix));
        }

        Counter = counter;
        var tableOptions = new TableClientOptions();
        Configure(tableOptions);
        tableOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        Configure(queueOptions);
        queueOptions.AddPolicy(counter, HttpPipelinePosition.PerRetry);

        var tables = clients.CreateTableServiceClient(tableOptions);
        _tables = tables;
        _prefix = namePrefix;
        Orders = tables.GetTableClient(namePrefix + "Orders");
        Wakeups = tables.GetTableClient(namePrefix + "Wakeups");
        OpenOrders = tables.GetTableClient(namePrefix + "OpenOrders");
        Parcels = tables.GetTableClient(namePrefix + "ParcelIndex");
        Parked = tables.GetTableClient(namePrefix + "ParkedEvents");
        Phones = tables.GetTableClient(namePrefix + "PhoneIndex");
        Poison = tables.GetTableClient(namePrefix + "PoisonInputs");
        Keys = tables.GetTableClient(namePrefix + "DataProtectionKeys");
        Buyers = tables.GetTableClient(namePrefix + "Buyers");
        ReferralCodes = tables.GetTableClient(namePrefix + "ReferralCodes");
        Inbox = clients.CreateQueueServiceClient(queueOptions).GetQueueClient(namePrefix.ToLowerInvariant() + InboxQueueName);
    }

    public StorageRequestCounter Counter { get; }

    /// <summary>One partition per order: the state row, message rows and tracking-event rows.</summary>
    public TableClient Orders { get; }

    /// <summary>Due wake-ups: PK = minute bucket, RK = due ticks + order key.</summary>
    public TableClient Wakeups { get; }

    /// <summary>Orders with an open timeline or outbox work: PK = shard of the order key, RK = kind + order key.</summary>
    public TableClient OpenOrders { get; }

    /// <summary>Tracking-number index: PK = parcel key, value = order id.</summary>
    public TableClient Parcels { get; }

    /// <summary>Carrier events for tracking numbers not registered yet: PK = parcel key.</summary>
    public TableClient Parked { get; }

    /// <summary>Phone index: PK = E.164 number, RK = order key.</summary>
    public TableClient Phones { get; }

    /// <summary>Inputs that failed every attempt.</summary>
    public TableClient Poison { get; }

    /// <summary>The web surface's Data Protection key ring (anti-forgery), shared by every instance; created on first use.</summary>
    public TableClient Keys { get; }

    /// <summary>Buyer profiles across orders: PK = buyer key (a keyed hash of the email).</summary>
    public TableClient Buyers { get; }

    /// <summary>Referral codes of the merchant's pool given out: RK = code, value = buyer key.</summary>
    public TableClient ReferralCodes { get; }

    /// <summary>The inbox of timeline inputs.</summary>
    public QueueClient Inbox { get; }

    /// <summary>Another table of this account under the same name prefix, for a feature that creates its own (e.g. the shop tables).</summary>
    public TableClient Table(string name) => _tables.GetTableClient(_prefix + name);

    /// <summary>Creates the tables and the queue once per process (idempotent, safe to call often).</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (_created)
        {
            return;
        }

        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_created)
            {
                return;
            }

            foreach (var table in new[] { Orders, Wakeups, OpenOrders, Parcels, Parked, Phones, Poison, Buyers, ReferralCodes })
            {
                await table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            }

            await Inbox.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            _created = true;
        }
        finally
        {
            _createGate.Release();
        }
    }

    private static void Configure(ClientOptions options)
    {
        // Fail fast enough that the engine's own retry loop and the health check stay in charge during an outage.
        options.Retry.MaxRetries = 2;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }
}
