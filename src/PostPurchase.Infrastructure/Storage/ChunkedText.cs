using System.Globalization;
using System.Text;
using Azure.Data.Tables;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Stores long text across several string properties: one Table property holds at most 32K characters.</summary>
internal static class ChunkedText
{
    private const int ChunkSize = 30_000;

    public static void Write(TableEntity entity, string prefix, string text)
    {
        var chunks = Math.Max(1, (text.Length + ChunkSize - 1) / ChunkSize);
        entity[prefix + "Chunks"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            var start = i * ChunkSize;
            entity[Name(prefix, i)] = text.Substring(start, Math.Min(ChunkSize, text.Length - start));
        }
    }

    public static string? Read(TableEntity entity, string prefix)
    {
        var chunks = entity.GetInt32(prefix + "Chunks");
        if (chunks is null)
        {
            return null;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            builder.Append(entity.GetString(Name(prefix, i)));
        }

        return builder.ToString();
    }

    private static string Name(string prefix, int index) => prefix + index.ToString(CultureInfo.InvariantCulture);
}
