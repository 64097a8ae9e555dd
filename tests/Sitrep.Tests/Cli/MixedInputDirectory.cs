using System.Text;
using Sitrep.Tests.Support;

namespace Sitrep.Tests.Cli;

/// <summary>
/// A temporary directory with every kind of input a user may throw at <c>extract</c>, good and bad, and
/// what each must give: the ids of the good documents and the error lines of the bad inputs.
/// </summary>
public sealed class MixedInputDirectory : IDisposable
{
    public MixedInputDirectory()
    {
        Root = Directory.CreateTempSubdirectory("sitrep-mixed-").FullName;
        _extracted = new Lazy<CliRunner.Outcome>(() => CliRunner.Run("extract", Root, "--format", "jsonl"));

        // Bad inputs: each must be named on standard error with its reason.
        Bytes("attachment.bin", RandomBytes(65536, seed: 11));
        Bytes("empty.txt", []);
        Text("wire.jsonl", string.Join('\n',
            """{"id": "wire-1", "text": "Security forces arrested 14 people after the rally turned violent, police said.", "published": "2021-04-02"}""",
            """{"id": "wire-2", "text": "Cut off in the middle""",
            """{"id": "wire-3", "text": "Unknown gunmen abducted a village chief on the road to the market.", "published": "2021-04-03"}""",
            """{"id": "wire-4", "title": "A headline without a body", "published": "2021-04-03"}""",
            """{"id": "wire-5", "text": "The two governments signed a prisoner exchange agreement in the capital.", "published": "2021-04-04"}""",
            string.Empty));

        // Hard but readable inputs: each gives a document.
        Bytes("broken-utf8.txt", [.. Encoding.UTF8.GetBytes("date 2021-04-05 Rachete au lovit depozitul de l"), 0xE2, 0x28, .. Encoding.UTF8.GetBytes(" gară, potrivit primarului.")]);
        var longText = new StringBuilder("date 2021-04-06 ", 12_600_000);
        while (longText.Length < 12_500_000) longText.Append("Shelling continued along the front line overnight, and several villages reported damage to homes and roads. ");
        Text("long-one-line.txt", longText.ToString());
        var deep = new StringBuilder("<html><head><script>document.write('never text');</script><style>div{margin:0}</style></head><body>");
        for (var i = 0; i < 5000; i++) deep.Append("<div>");
        deep.Append("<script>var x = '<div>';</script>Insurgents attacked an army checkpoint near the dam, the governor said.");
        for (var i = 0; i < 5000; i++) deep.Append("</div>");
        Text("nested/deep.html", deep.Append("</body></html>").ToString());

        // Ordinary good inputs in every format.
        Text("reports/clash.en.txt", "  date 2021-04-07 Two soldiers were killed in an ambush near the border post on Tuesday, the defence ministry said.");
        Text("reports/protest.ro.txt", "date 2021-04 Sute de oameni au protestat sâmbătă în fața guvernului, cerând demisia ministrului.");
        Text("reports/plain.txt", "Police used tear gas to disperse students who blocked the main avenue.");
        Text("pages/article.html", """
            <html lang="en"><head><title>Aid convoy reaches besieged town</title><meta property="article:published_time" content="2021-04-08T10:00:00Z"></head>
            <body><article><p>An aid convoy of twenty trucks reached the besieged town on Thursday after weeks of negotiations, the relief agency said.</p></article></body></html>
            """);
        Text("feeds/desk.rss", """
            <rss version="2.0"><channel><title>Desk</title>
            <item><guid>desk-1</guid><title>Ceasefire holds</title><pubDate>Fri, 09 Apr 2021 08:00:00 GMT</pubDate><description>The ceasefire held for a third day, monitors said.</description></item>
            <item><guid>desk-2</guid><title>Mine blast</title><pubDate>Fri, 09 Apr 2021 12:00:00 GMT</pubDate><description>&lt;p&gt;A landmine killed a shepherd near the old front line.&lt;/p&gt;</description></item>
            </channel></rss>
            """);
        Text("tables/events.csv", "event_id_cnty,event_date,source,notes\nTST1,10-Apr-21,Ledger,\"On 10 April 2021, farmers blocked a highway, demanding subsidies.\"\nTST2,11 April 2021,Ledger,\"On 11 April 2021, an airstrike hit a fuel depot.\"\n");

        // Hidden files are not inputs.
        Text(".notes/todo.txt", "Not an input.");
    }

    public string Root { get; }

    /// <summary>One in-process run of <c>sitrep extract ROOT --format jsonl</c>, shared by the tests that only read its outcome.</summary>
    public CliRunner.Outcome Extracted => _extracted.Value;

    private readonly Lazy<CliRunner.Outcome> _extracted;

    /// <summary>The ids every run must write, one document each.</summary>
    public static IReadOnlyList<string> GoodIds { get; } =
    [
        "wire-1", "wire-3", "wire-5", "broken-utf8.txt", "long-one-line.txt", "nested/deep.html",
        "reports/clash.en.txt", "reports/protest.ro.txt", "reports/plain.txt", "pages/article.html",
        "desk-1", "desk-2", "TST1", "TST2",
    ];

    /// <summary>What standard error must name: the input (with its line for JSON Lines) and the reason.</summary>
    public IReadOnlyList<string> ExpectedErrors =>
    [
        $"sitrep: {Path.Combine(Root, "attachment.bin")}: binary file, not text",
        $"sitrep: {Path.Combine(Root, "empty.txt")}: empty file",
        $"sitrep: {Path.Combine(Root, "wire.jsonl")}:2: not valid JSON",
        $"sitrep: {Path.Combine(Root, "wire.jsonl")}:4: no \"text\" field",
    ];

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private void Text(string relative, string content) => Bytes(relative, Encoding.UTF8.GetBytes(content));

    private void Bytes(string relative, byte[] content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
