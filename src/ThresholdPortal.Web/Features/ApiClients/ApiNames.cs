using System.Text.Json;

namespace ThresholdPortal.Web.Features.ApiClients;

/// <summary>How the API writes a value of the portal's enums: its name in camelCase ("mashReferral").</summary>
public static class ApiNames
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
