using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sitrep.Store.Tests.Support;

/// <summary>
/// Writes a JSON Lines corpus of invented, news-like articles (English and Romanian) of a chosen size,
/// deterministic for a seed. Used by the ingest tests and by the store benchmark (bench/Sitrep.StoreLoad).
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] Places = ["Kharkiv", "Odesa", "Goma", "Gao", "Djibo", "Nyala", "Sagaing", "Idlib", "Kaduna", "Mogadishu", "Culiacan", "Tillaberi"];
    private static readonly string[] Claimants = ["the regional governor", "the army", "a rebel spokesman", "the health ministry", "a local monitoring group", "police"];

    private static readonly string[] English =
    [
        "{n} people were killed and {m} wounded in fighting near {place} on {day}, {claimant} said.",
        "Artillery shells hit a residential area of {place}, killing {n} civilians, according to {claimant}.",
        "{claimant} said troops had regained control of several villages around {place}; the other side denied it.",
        "Hundreds of protesters gathered in the centre of {place} and police detained {m} people.",
        "A drone strike on a market in {place} killed at least {n} people, {claimant} told reporters.",
        "In {year}, a siege of the same town left thousands dead.",
        "Aid workers said families were fleeing {place} towards the border as fighting continued.",
    ];

    private static readonly string[] Romanian =
    [
        "{n} oameni au fost uciși și {m} răniți în luptele de lângă {place}, a declarat {claimant}.",
        "Obuze de artilerie au lovit un cartier din {place}, ucigând {n} civili, potrivit unui grup local.",
        "Armata a anunțat că a recucerit mai multe sate din jurul orașului {place}, însă rebelii au negat.",
        "Sute de manifestanți s-au adunat în centrul orașului {place}, iar poliția a reținut {m} persoane.",
        "Un atac cu drone asupra unei piețe din {place} a ucis cel puțin {n} oameni, au spus martorii.",
        "În {year}, asediul aceluiași oraș s-a soldat cu mii de morți.",
        "Lucrătorii umanitari au spus că familiile fug din {place} spre graniță.",
    ];

    /// <summary>Writes documents until the file reaches <paramref name="bytes"/>; returns how many were written.</summary>
    public static int Write(string path, long bytes, int seed = 7, int sentencesPerArticle = 12)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        var count = 0;
        while (writer.BaseStream.Length < bytes)
        {
            count++;
            var romanian = count % 3 == 0;
            var templates = romanian ? Romanian : English;
            var text = new StringBuilder();
            for (var s = 0; s < sentencesPerArticle; s++)
            {
                if (s > 0) text.Append(' ');
                text.Append(Fill(templates[random.Next(templates.Length)], random));
            }
            var published = new DateOnly(2024, 1, 1).AddDays(random.Next(0, 365));
            var line = JsonSerializer.Serialize(new
            {
                id = "gen-" + count.ToString(CultureInfo.InvariantCulture),
                published = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                language = romanian ? "ro" : "en",
                title = "Generated report " + count.ToString(CultureInfo.InvariantCulture),
                source = "Sitrep generated corpus (invented)",
                text = text.ToString(),
            });
            writer.WriteLine(line);
            writer.Flush();
        }
        return count;
    }

    private static string Fill(string template, Random random) => template
        .Replace("{n}", random.Next(2, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{m}", random.Next(3, 90).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{place}", Places[random.Next(Places.Length)], StringComparison.Ordinal)
        .Replace("{claimant}", Claimants[random.Next(Claimants.Length)], StringComparison.Ordinal)
        .Replace("{day}", random.Next(2) == 0 ? "Monday" : "Saturday", StringComparison.Ordinal)
        .Replace("{year}", random.Next(1990, 2016).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
