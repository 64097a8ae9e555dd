using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Sitrep.Store.Sql;

/// <summary>How contract records are kept in JSON columns: the contract's camelCase, readable non-ASCII.</summary>
internal static class StoreJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
