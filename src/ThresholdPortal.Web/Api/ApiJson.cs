using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThresholdPortal.Web.Api;

/// <summary>
/// How the API reads and writes JSON: camelCase, enums as camelCase names (never numbers), and a body with a field the
/// API does not know is refused rather than half-read. A string holding a NUL character is refused where it is read:
/// PostgreSQL cannot store one, and it hides text from whoever reads it later.
/// </summary>
public static class ApiJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            MaxDepth = 16,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new StringWithoutNul());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private sealed class StringWithoutNul : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException("The value must be a string.");
            }

            var value = reader.GetString();
            return value is not null && value.Contains('\0', StringComparison.Ordinal)
                ? throw new JsonException("The value must not contain a NUL character.")
                : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
