using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Bench;

/// <summary>
/// Generates a mixed English/Romanian corpus of short invented news items as JSON Lines (id, published,
/// text), deterministic for a seed. Every sentence template is written for this benchmark (no ACLED or
/// seed text); slots are filled with places, numbers, weekdays and sources so that documents differ.
/// </summary>
public static class EndToEndCorpus
{
    private static readonly string[] EnglishTemplates =
    [
        "Gunmen attacked a village near {place} on {weekday}, killing {n} civilians, local officials said.",
        "{n} soldiers were killed when their convoy hit a roadside bomb outside {place}, the army said in a statement.",
        "Air strikes on the outskirts of {place} killed at least {n} people overnight, according to a monitoring group.",
        "Police fired tear gas at hundreds of protesters in {place} and detained {n} of them, the interior ministry said.",
        "Thousands of teachers marched through {place} on {weekday} to demand higher wages; the rally ended peacefully.",
        "Rebels said they had taken control of {place} after two days of fighting, a claim the government denied.",
        "Armed men abducted {n} passengers from a bus on the road to {place}, a police spokesman told reporters.",
        "Shelling hit a residential district of {place}, wounding {n} people, the regional governor wrote on Telegram.",
        "The two sides signed a ceasefire agreement in {place} on {weekday}, mediators announced.",
        "The toll could rise further, as several of the wounded were in a critical condition, hospital staff said.",
        "The defence ministry did not disclose its own losses.",
        "The fighting was the heaviest in the area since {year}, when an offensive left more than {big} dead.",
        "The United Nations urged all parties to exercise restraint and to protect civilians.",
        "A grenade thrown at a market stall in {place} wounded {n} traders, witnesses told {agency}.",
        "Security forces arrested {n} suspects after a raid on a hideout near {place}, state media reported.",
        "Residents of {place} said the attackers set fire to shops and houses before fleeing on motorbikes.",
        "The home side's attack looked blunt until the last ten minutes, when a late shot sealed a {n}-1 win.",
        "Shares of energy companies exploded higher on {weekday} as oil prices jumped {n} percent.",
        "The new war film bombed at the box office despite spectacular battle scenes.",
    ];

    private static readonly string[] RomanianTemplates =
    [
        "Oameni înarmați au atacat un sat de lângă {place} {weekday_ro}, ucigând {n} de civili, au anunțat autoritățile locale.",
        "{n} de militari au fost uciși după ce vehiculul lor a trecut peste o mină, lângă {place}, a transmis armata.",
        "Raiduri aeriene asupra orasului {place} s-au soldat cu cel putin {n} de morti, potrivit unei organizatii de monitorizare.",
        "Politia a folosit gaze lacrimogene impotriva a sute de protestatari la {place} si a retinut {n} de persoane, a anuntat ministerul de Interne.",
        "Mii de profesori au manifestat {weekday_ro} la {place} pentru salarii mai mari; protestul s-a incheiat pasnic.",
        "Rebelii sustin ca au preluat controlul asupra localitatii {place} dupa doua zile de lupte, afirmatie negata de guvern.",
        "Barbati inarmati au rapit {n} de pasageri dintr-un autobuz pe drumul spre {place}, a declarat un purtator de cuvant al politiei.",
        "Bombardamentele au lovit un cartier rezidential din {place}, ranind {n} de persoane, a scris guvernatorul regiunii pe Telegram.",
        "Cele doua parti au semnat {weekday_ro} la {place} un acord de incetare a focului, au anuntat mediatorii.",
        "Bilantul ar putea creste, deoarece mai multi raniti sunt in stare critica, potrivit medicilor.",
        "Ministerul Apararii nu a comunicat pierderile proprii.",
        "Luptele sunt cele mai grele din zona din {year}, cand o ofensiva a facut peste {big} de morti.",
        "ONU a cerut tuturor partilor sa dea dovada de retinere si sa protejeze civilii.",
        "O grenada aruncata intr-o piata din {place} a ranit {n} de comercianti, au declarat martori citati de {agency}.",
        "Fortele de securitate au arestat {n} de suspecti dupa o perchezitie langa {place}, a relatat presa de stat.",
        "Localnicii din {place} spun ca atacatorii au incendiat magazine si case inainte de a fugi pe motociclete.",
        "Atacul echipei gazda a fost ineficient pana in ultimele zece minute, cand un sut tarziu a adus victoria cu {n}-1.",
        "Actiunile companiilor energetice au explodat {weekday_ro}, dupa ce pretul petrolului a crescut cu {n} la suta.",
        "Noul film de razboi a fost un esec de box-office, in ciuda scenelor de lupta spectaculoase.",
    ];

    private static readonly string[] Places =
    [
        "Gao", "Mopti", "Djibo", "Tillaberi", "Maiduguri", "Zamfara", "Idlib", "Aleppo", "Deir ez-Zor", "Marib", "Taiz", "Hodeidah",
        "Kharkiv", "Zaporizhzhia", "Kherson", "Bakhmut", "Sagaing", "Mandalay", "Cauca", "Tumaco", "Culiacan", "Reynosa", "Goma",
        "Beni", "Bunia", "Mogadishu", "Baidoa", "Kandahar", "Kunduz", "Imphal", "Srinagar", "Tbilisi", "Belgrade", "Pristina",
        "Bucuresti", "Cluj-Napoca", "Chisinau", "Erevan", "Baku", "Sanaa",
    ];

    private static readonly string[] Weekdays = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"];
    private static readonly string[] WeekdaysRo = ["luni", "marti", "miercuri", "joi", "vineri", "sambata", "duminica"];
    private static readonly string[] Agencies = ["Reuters", "AFP", "AP", "Agerpres", "Anadolu"];

    /// <summary>Writes about <paramref name="targetBytes"/> of JSON Lines; returns the number of documents.</summary>
    public static int Write(Stream output, long targetBytes, int seed = 20201)
    {
        var random = new Random(seed);
        var encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = encoder });
        var line = "\n"u8.ToArray();
        var count = 0;
        long written = 0;
        while (written < targetBytes)
        {
            var romanian = random.Next(2) == 0;
            writer.WriteStartObject();
            writer.WriteString("id", string.Create(CultureInfo.InvariantCulture, $"bench-{count:D7}"));
            writer.WriteString("published", new DateOnly(2020 + random.Next(6), 1 + random.Next(12), 1 + random.Next(28)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.WriteString("text", Document(random, romanian));
            writer.WriteEndObject();
            writer.Flush();
            written += writer.BytesCommitted + line.Length;
            output.Write(line);
            writer.Reset();
            count++;
        }
        return count;
    }

    /// <summary>One short document: two to five sentences of one language.</summary>
    public static string Document(Random random, bool romanian)
    {
        var templates = romanian ? RomanianTemplates : EnglishTemplates;
        var text = new StringBuilder(600);
        var sentences = 2 + random.Next(4);
        for (var i = 0; i < sentences; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(Fill(templates[random.Next(templates.Length)], random));
        }
        return text.ToString();
    }

    private static string Fill(string template, Random random) => new StringBuilder(template)
        .Replace("{place}", Places[random.Next(Places.Length)])
        .Replace("{weekday}", Weekdays[random.Next(Weekdays.Length)])
        .Replace("{weekday_ro}", WeekdaysRo[random.Next(WeekdaysRo.Length)])
        .Replace("{agency}", Agencies[random.Next(Agencies.Length)])
        .Replace("{year}", (1995 + random.Next(25)).ToString(CultureInfo.InvariantCulture))
        .Replace("{big}", (1000 * (2 + random.Next(40))).ToString(CultureInfo.InvariantCulture))
        .Replace("{n} de ", Romanian(2 + random.Next(60)))
        .Replace("{n}", (2 + random.Next(60)).ToString(CultureInfo.InvariantCulture))
        .ToString();

    // Romanian puts "de" between a number from 20 up and its noun ("5 morti", "25 de morti").
    private static string Romanian(int n) => n.ToString(CultureInfo.InvariantCulture) + (n >= 20 ? " de " : " ");
}
