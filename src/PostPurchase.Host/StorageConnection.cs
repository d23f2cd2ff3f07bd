namespace PostPurchase.Host;

/// <summary>Finds the storage connection string: <c>PostPurchase:Storage</c>, then <c>AzureWebJobsStorage</c>, then Azurite in Development.</summary>
internal static class StorageConnection
{
    public static string Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var value = configuration["PostPurchase:Storage"];
        if (string.IsNullOrWhiteSpace(value))
        {
            value = configuration["AzureWebJobsStorage"];
        }
        if (string.IsNullOrWhiteSpace(value))
        {
            value = environment.IsDevelopment()
                ? "UseDevelopmentStorage=true"
                : throw new InvalidOperationException("No storage is configured: set PostPurchase__Storage (or AzureWebJobsStorage) to a connection string.");
        }
        return value;
    }
}
