using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sitrep.Bench.Corpus;

/// <summary>
/// A deterministic, invented corpus of short English and Romanian news items for benchmarks: sentences
/// written for Sitrep (no real articles, no ACLED text), assembled at random with a fixed seed. Romanian
/// comes with comma-below diacritics, with old cedilla letters and without diacritics, as it does in
/// the wild; some items carry typographic quotes, dashes and sentences glued without a space.
/// </summary>
public static class MixedNewsCorpus
{
    private static readonly string[] Places = ["Valea Seaca", "Northbridge", "Port Arlen", "Dealu Mare", "Kessary", "Sorvino", "Lunca Noua", "East Harrow"];
    private static readonly string[] Sources = ["AFP", "Reuters", "Agerpres", "a local radio station", "the regional governor", "a police spokesman"];

    private static readonly string[] English =
    [
        "Security forces clashed with armed men near {P} on {D}, leaving {N} people dead, officials said.",
        "According to {S}, at least {N} civilians were wounded when shells hit a market in {P}.",
        "The ministry said it had arrested {N} suspects after the attack on a checkpoint outside {P}.",
        "Hundreds of protesters gathered in central {P} on {D} to demand the release of detained activists.",
        "\u201CWe will not accept any ceasefire that leaves our villages occupied,\u201D the commander told {S}.",
        "A roadside bomb struck a military convoy near {P}, killing {W} soldiers and injuring {N} others.",
        "Police used tear gas and rubber bullets to disperse about {M} demonstrators \u2014 witnesses said several were hurt.",
        "The rebels said they had taken control of two hills overlooking {P}, a claim the army denied.",
        "Talks between the two sides resumed in {P} on {D}, the first such meeting since 2016.",
        "Gen. Harlow said the U.S. Army would send another 1,200 troops to the region by the end of the month.",
        "An air strike on a warehouse in {P} destroyed {N} vehicles, the monitoring group reported.",
        "No group has claimed responsibility for the explosion, which damaged a school and a clinic.",
    ];

    private static readonly string[] RomanianWithDiacritics =
    [
        "Forțele de securitate s-au ciocnit cu bărbați înarmați lângă {P}, {D}, iar {N} persoane au murit, potrivit autorităților.",
        "Potrivit {S}, cel puțin {N} civili au fost răniți când obuzele au lovit o piață din {P}.",
        "Ministerul a anunțat că a reținut {N} suspecți după atacul asupra unui punct de control de lângă {P}.",
        "Sute de protestatari s-au adunat în centrul localității {P} pentru a cere eliberarea activiștilor reținuți.",
        "\u201ENu vom accepta niciun armistițiu care ne lasă satele ocupate\u201D, a declarat comandantul, citat de {S}.",
        "O bombă artizanală a lovit un convoi militar lângă {P}, ucigând {W} militari și rănind alți {N}.",
        "Poliția a folosit gaze lacrimogene pentru a dispersa aproximativ {M} de manifestanți \u2013 martorii spun că mai mulți au fost răniți.",
        "Dl. Ionescu a precizat că bilanțul ar putea fi mai mare, deoarece echipele de salvare caută încă supraviețuitori.",
        "Un bombardament aerian asupra unui depozit din {P} a distrus {N} vehicule, a transmis organizația de monitorizare.",
        "Niciun grup nu și-a asumat responsabilitatea pentru explozie, care a avariat o școală și un dispensar.",
    ];

    private static readonly string[] EnglishDays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] RomanianDays = ["duminică", "luni", "marți", "miercuri", "joi", "vineri", "sâmbătă"];
    private static readonly string[] EnglishWords = ["two", "three", "five", "twenty-three", "a dozen"];
    private static readonly string[] RomanianWords = ["doi", "trei", "cinci", "douăzeci și trei", "o sută"];

    /// <summary>An invented corpus of roughly <paramref name="targetBytes"/> UTF-8 bytes of article text.</summary>
    public static CorpusData Build(int targetBytes, int seed = 20201)
    {
        var random = new Random(seed);
        var texts = new List<string>();
        long bytes = 0;
        while (bytes < targetBytes)
        {
            var text = Article(random);
            texts.Add(text);
            bytes += Encoding.UTF8.GetByteCount(text);
        }

        using var jsonLines = new MemoryStream();
        using (var writer = new Utf8JsonWriter(jsonLines, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            for (var i = 0; i < texts.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"bench-{i}"));
                writer.WriteString("published", "2020-10-04");
                writer.WriteString("text", texts[i]);
                writer.WriteEndObject();
                writer.Flush();
                jsonLines.WriteByte((byte)'\n');
                writer.Reset();
            }
        }
        return new CorpusData([.. texts], jsonLines.ToArray(), bytes);
    }

    private static string Article(Random random)
    {
        var kind = random.Next(4);
        var builder = new StringBuilder(1200);
        var sentences = random.Next(4, 10);
        for (var s = 0; s < sentences; s++)
        {
            var sentence = kind == 0 || kind == 1
                ? Fill(English[random.Next(English.Length)], random, english: true)
                : Fill(RomanianWithDiacritics[random.Next(RomanianWithDiacritics.Length)], random, english: false);
            if (kind == 3) sentence = WithoutDiacritics(sentence);
            else if (kind == 2 && random.Next(3) == 0) sentence = WithCedillas(sentence);
            if (s > 0) builder.Append(random.Next(25) == 0 ? "" : random.Next(12) == 0 ? "\n\n" : " ");
            builder.Append(sentence);
        }
        return builder.ToString();
    }

    private static string Fill(string template, Random random, bool english)
    {
        var days = english ? EnglishDays : RomanianDays;
        var words = english ? EnglishWords : RomanianWords;
        return template
            .Replace("{P}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
            .Replace("{S}", Sources[random.Next(Sources.Length)], StringComparison.Ordinal)
            .Replace("{D}", days[random.Next(days.Length)], StringComparison.Ordinal)
            .Replace("{N}", random.Next(2, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{W}", words[random.Next(words.Length)], StringComparison.Ordinal)
            .Replace("{M}", english ? "3,000" : "3.000", StringComparison.Ordinal);
    }

    private static string WithCedillas(string text) =>
        text.Replace('\u0219', '\u015F').Replace('\u021B', '\u0163').Replace('\u0218', '\u015E').Replace('\u021A', '\u0162');

    private static string WithoutDiacritics(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\u0103' or '\u00E2' => 'a',
                '\u00EE' => 'i',
                '\u0219' => 's',
                '\u021B' => 't',
                '\u0102' or '\u00C2' => 'A',
                '\u00CE' => 'I',
                '\u0218' => 'S',
                '\u021A' => 'T',
                _ => c,
            });
        }
        return builder.ToString();
    }
}

/// <summary>A generated corpus: the article texts, the same as JSON Lines, and the texts' UTF-8 size.</summary>
public sealed record CorpusData(string[] Texts, byte[] JsonLines, long TextBytes);
