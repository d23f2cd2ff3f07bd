using Azure;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>One entry of the open-orders index, with the ETag it was read at.</summary>
internal sealed record OpenEntry(string OrderId, OpenKinds Kind, string Shard, string RowKey, ETag ETag, DateTimeOffset WrittenAt);
