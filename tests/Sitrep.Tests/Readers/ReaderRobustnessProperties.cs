using System.Text;
using FsCheck.Xunit;

namespace Sitrep.Tests.Readers;

/// <summary>
/// Whatever bytes arrive under whatever name, reading never throws, always says something (a document or
/// a problem), and never yields a document without text.
/// </summary>
public sealed class ReaderRobustnessProperties
{
    private static readonly string[] Extensions = [".txt", ".jsonl", ".html", ".rss", ".xml", ".csv", ".atom", ".bin", ""];

    // Good inputs of every format, to be damaged at random.
    private static readonly string[] Samples =
    [
        "date 2020-05-01 Gunmen attacked a bus on the highway.",
        "{\"id\": \"a\", \"text\": \"Clashes erupted at dawn.\", \"published\": \"2020-05-02\"}\n{\"id\": \"b\", \"text\": \"Two died.\"}\n",
        "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2020-05-03\"></head><body><article><p>Protesters marched.</p></article></body></html>",
        "<rss><channel><title>F</title><item><title>I</title><description>&lt;p&gt;A mine exploded.&lt;/p&gt;</description><pubDate>Mon, 04 May 2020 10:00:00 GMT</pubDate></item></channel></rss>",
        "event_id_cnty,event_date,notes\nX1,4-May-20,\"On 4 May 2020, police arrested 3 people.\"\n",
    ];

    [Property(MaxTest = 300)]
    public bool Any_bytes_under_any_extension_give_items_and_never_throw(byte[] bytes, byte extension)
    {
        return Holds(bytes, Extensions[extension % Extensions.Length]);
    }

    [Property(MaxTest = 300)]
    public bool Damaged_good_inputs_give_items_and_never_throw(byte sample, int position, byte[] insertion, bool cut)
    {
        var good = Encoding.UTF8.GetBytes(Samples[sample % Samples.Length]);
        var at = (int)((uint)position % (uint)(good.Length + 1));
        byte[] damaged = cut ? [.. good[..at], .. insertion] : [.. good[..at], .. insertion, .. good[at..]];
        return Extensions.All(e => Holds(damaged, e));
    }

    private static bool Holds(byte[] bytes, string extension)
    {
        var items = ReaderHarness.Read(bytes, "input" + extension);
        return items.Count > 0
            && items.All(i => (i.Document is null) != (i.Problem is null))
            && ReaderHarness.Documents(items).All(d => !string.IsNullOrWhiteSpace(d.Text))
            && ReaderHarness.Problems(items).All(p => !p.Reason.StartsWith("could not be read", StringComparison.Ordinal));
    }
}
