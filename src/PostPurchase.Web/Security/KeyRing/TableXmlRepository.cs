using System.Xml.Linq;
using Azure;
using Azure.Data.Tables;
using Microsoft.AspNetCore.DataProtection.Repositories;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Web.Security.KeyRing;

/// <summary>
/// Keeps the Data Protection key ring in the app's own storage account (one row per key), so every instance of
/// either runtime protects and reads anti-forgery tokens with the same keys.
/// </summary>
/// <remarks>Data Protection calls this synchronously and caches the ring (it re-reads it about once a day, or on an unknown key).</remarks>
internal sealed class TableXmlRepository(StorageAccount storage) : IXmlRepository
{
    private const string Partition = "keys";
    private const string XmlProperty = "Xml";
    private readonly Lock _gate = new();
    private bool _created;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        EnsureCreated();
        return storage.Keys.Query<TableEntity>(e => e.PartitionKey == Partition, select: [XmlProperty])
            .Select(e => XElement.Parse(e.GetString(XmlProperty) ?? throw new InvalidDataException($"Key ring row '{e.RowKey}' has no XML.")))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentException.ThrowIfNullOrWhiteSpace(friendlyName);
        EnsureCreated();
        var row = new TableEntity(Partition, KeyEncoder.Encode(friendlyName)) { [XmlProperty] = element.ToString(SaveOptions.DisableFormatting) };
        try
        {
            // A key is written once under its own id; Data Protection never rewrites one (revocations are rows of their own).
            storage.Keys.AddEntity(row);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            storage.Keys.UpdateEntity(row, ETag.All, TableUpdateMode.Replace);
        }
    }

    private void EnsureCreated()
    {
        lock (_gate)
        {
            if (!_created)
            {
                storage.Keys.CreateIfNotExists();
                _created = true;
            }
        }
    }
}
