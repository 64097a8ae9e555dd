using System.Text.Json;

namespace Sitrep.Store.Tests.Support;

/// <summary>Structural comparison of contract records (their immutable arrays compare by reference otherwise).</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Of<T>(T value) => JsonSerializer.Serialize(value, Options);
}
