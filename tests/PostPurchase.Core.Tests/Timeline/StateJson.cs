using System.Text.Json;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Timeline;

/// <summary>Compares states the way runtimes store them: as JSON.</summary>
internal static class StateJson
{
    public static string Of(TimelineState state) => JsonSerializer.Serialize(state, CoreJson.Options);

    public static string Of(Decision decision) => JsonSerializer.Serialize(decision, CoreJson.Options);
}
