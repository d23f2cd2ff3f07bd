using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Maps the <c>state</c> row of an order partition: the TimelineState JSON plus the columns the sweeps query.</summary>
internal static class StateRow
{
    public const string RowKey = "state";

    /// <summary>The column holding <see cref="OpenKinds"/>: which open-orders index entries this order has.</summary>
    public const string OpenColumn = "OpenIndexed";

    public static TableEntity ToEntity(string orderId, TimelineState state, IReadOnlyList<string> appliedInputs, IReadOnlyList<DateTimeOffset>? indexedWakeAts = null,
        OpenKinds open = OpenKinds.None)
    {
        var entity = new TableEntity(KeyEncoder.Encode(orderId), RowKey)
        {
            ["Kind"] = "state",
            ["OrderId"] = orderId,
            ["Status"] = WireName.Of(state.Status),
            ["NextWakeAt"] = state.NextWakeAt,
            ["Completed"] = state.Completed,
            ["Version"] = state.Version,
            ["Applied"] = string.Join('\n', appliedInputs),
            ["IndexedWakeAts"] = string.Join('\n', (indexedWakeAts ?? []).Select(d => d.UtcTicks.ToString(CultureInfo.InvariantCulture))),
            [OpenColumn] = (int)open,
        };
        ChunkedText.Write(entity, "State", JsonSerializer.Serialize(state, CoreJson.Options));
        return entity;
    }

    public static LoadedState FromEntity(TableEntity entity)
    {
        var json = ChunkedText.Read(entity, "State")
            ?? throw new InvalidDataException($"State row of partition '{entity.PartitionKey}' has no State column.");
        var state = JsonSerializer.Deserialize<TimelineState>(json, CoreJson.Options)
            ?? throw new InvalidDataException($"State row of partition '{entity.PartitionKey}' holds null.");
        var applied = entity.GetString("Applied") is { Length: > 0 } text ? text.Split('\n') : [];
        return new LoadedState(entity.GetString("OrderId") ?? state.Order.OrderId, state, entity.ETag, applied, Indexed(entity), OpenOf(entity));
    }

    /// <summary>The open-orders index entries the row says exist (none for rows written before the index).</summary>
    public static OpenKinds OpenOf(TableEntity entity) => (OpenKinds)(entity.GetInt32(OpenColumn) ?? 0);

    // Rows written before the list existed hold the one due time in IndexedWakeAt.
    private static DateTimeOffset[] Indexed(TableEntity entity) => entity.GetString("IndexedWakeAts") is { } list
        ? [.. list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(t => new DateTimeOffset(long.Parse(t, CultureInfo.InvariantCulture), TimeSpan.Zero))]
        : entity.GetDateTimeOffset("IndexedWakeAt") is { } single ? [single] : [];
}
