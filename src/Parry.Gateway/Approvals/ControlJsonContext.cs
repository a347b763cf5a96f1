using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parry.Gateway.Approvals;

/// <summary>The control endpoint's JSON (snake_case), generated at compile time: the native (NativeAOT) build of
/// parry cannot serialise by reflection, and the gateway and <c>parry approvals</c> must work in it.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ControlListing))]
[JsonSerializable(typeof(List<ControlListing>))]
[JsonSerializable(typeof(ControlError))]
[JsonSerializable(typeof(ControlDecision))]
[JsonSerializable(typeof(ControlReason))]
internal sealed partial class ControlJsonContext : JsonSerializerContext;
