using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Tests.Places;

/// <summary>
/// The compiled gazetteer format: what the compiler's writer puts in is what the engine reads back, the same
/// input gives the same bytes, and the places and spellings GeoNames cities500 brought in are found.
/// </summary>
public sealed class GazetteerImageTests
{
    private static readonly TextAnalyzer Analyzer = new();
    private static readonly PlaceRecognizer Recognizer = new();

    // Invented states and places (names and numbers made up for this test).
    private static GazetteerSource SmallSource() => new(
        [
            (new CountryInfo("QA", "QAA", "Qalmeria", 10.5, 20.25, 900001, 10.75, 20.5), ["Republic of Qalmeria", "Qalmeriei"]),
            (new CountryInfo("QB", "QBB", "Borvania", -33.12345, -70.54321, 0, -33.12345, -70.54321), []),
        ],
        [
            (new GazetteerEntry(GazetteerEntryKind.Capital, 900001, "Port Qalm", "QAA", "Qalm Coast", 250000, 10.75, 20.5), ["Port-Qalm", "QLM"]),
            (new GazetteerEntry(GazetteerEntryKind.Locality, 900002, "Ţarīq al Mīnā", "QAA", "Qalm Coast", 800, 10.8, 20.55), ["Tariq al Mina", "Tareeq el Mina"]),
            (new GazetteerEntry(GazetteerEntryKind.Locality, 900003, "Tareeq el Mina", "QBB", "", 0, -33.5, -70.1), []),
            (new GazetteerEntry(GazetteerEntryKind.DeFacto, 0, "North Qalm Zone", "QAA", "", 0, 11, 21), ["NQZ"]),
            (new GazetteerEntry(GazetteerEntryKind.Multinational, 0, "Great Qalm Basin", "", "", 0, 0, 0), []),
        ]);

    private static Gazetteer RoundTrip(GazetteerSource source)
    {
        using var file = new MemoryStream();
        GazetteerImageWriter.Write(file, source);
        file.Position = 0;
        return Gazetteer.FromStream(file);
    }

    [Fact]
    public void Every_state_and_place_written_is_read_back_with_the_same_fields()
    {
        var source = SmallSource();
        var gazetteer = RoundTrip(source);

        Assert.Equal(source.Countries.Select(c => c.Country), gazetteer.Countries);
        // States come first, as entries of their own; then the places in the order written.
        var expected = source.Countries.Select(c => new GazetteerEntry(GazetteerEntryKind.Country, 0, c.Country.Name, c.Country.Iso3, "", 0, c.Country.Lat, c.Country.Lon))
            .Concat(source.Places.Select(p => p.Entry));
        Assert.Equal(expected, gazetteer.Entries);
        Assert.Equal(source.Countries[0].Country.Name, gazetteer.CountryEntry("QAA")?.Name);
    }

    [Theory]
    // A primary name, an alias with other separators, and a name two places of two states share.
    [InlineData("Port Qalm", "Port Qalm/QAA")]
    [InlineData("port-qalm", "Port Qalm/QAA")]
    [InlineData("Tareeq el Mina", "Ţarīq al Mīnā/QAA; Tareeq el Mina/QBB")]
    // Diacritics folded: the plain spelling finds the name written with them.
    [InlineData("Tariq al Mina", "Ţarīq al Mīnā/QAA")]
    [InlineData("Tarīq al Mīna", "Ţarīq al Mīnā/QAA")]
    // A state under its alias, and an area spanning states (no country).
    [InlineData("Republic of Qalmeria", "Qalmeria/QAA")]
    [InlineData("Great Qalm Basin", "Great Qalm Basin/")]
    // A name nobody has.
    [InlineData("Qalm", "")]
    public void Every_name_written_finds_its_entries(string name, string expected)
    {
        var gazetteer = RoundTrip(SmallSource());
        Assert.Equal(expected, string.Join("; ", gazetteer.Lookup(name).Select(e => $"{e.Name}/{e.Country}")));
    }

    [Fact]
    public void Case_rules_first_words_state_names_and_territories_survive_the_round_trip()
    {
        var gazetteer = RoundTrip(SmallSource());

        Assert.True(gazetteer.TryLookup("qlm", out var acronym));
        Assert.Equal(CaseRule.Exact, acronym[0].Rule);
        Assert.True(gazetteer.TryLookup("port qalm", out var capital));
        Assert.Equal(CaseRule.Capitalised, capital[0].Rule);
        Assert.Equal(3, gazetteer.MostWords("tareq"));
        Assert.Equal(1, gazetteer.MostWords("qalmeria"));
        Assert.Contains(gazetteer.StateNames, s => s.Name == "Qalmeriei" && gazetteer.Entry(s.Entry).Kind == GazetteerEntryKind.Country);
        Assert.Contains(gazetteer.StateNames, s => s.Name == "Port-Qalm" && gazetteer.Entry(s.Entry).Kind == GazetteerEntryKind.Capital);
        Assert.True(gazetteer.InDisputedTerritory(gazetteer.Lookup("Tariq al Mina").Single()));
        Assert.False(gazetteer.InDisputedTerritory(gazetteer.Lookup("Borvania").Single()));
        Assert.Equal(["Port Qalm", "Ţarīq al Mīnā", "North Qalm Zone"], gazetteer.EntriesIn("QAA").Select(e => e.Name));
    }

    [Fact]
    public void The_same_source_gives_the_same_bytes()
    {
        using var first = new MemoryStream();
        using var second = new MemoryStream();
        GazetteerImageWriter.Write(first, SmallSource());
        GazetteerImageWriter.Write(second, SmallSource());
        Assert.Equal(first.ToArray(), second.ToArray());
    }

    [Fact]
    public void A_file_of_another_format_is_refused_with_its_version()
    {
        using var file = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("#sitrep-gazetteer\t1\n"u8);
        }
        file.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => Gazetteer.FromStream(file));
        Assert.Contains("version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_embedded_gazetteer_finds_every_state_under_its_own_name()
    {
        var gazetteer = Gazetteer.Default;
        Assert.True(gazetteer.Countries.Length >= 240, $"{gazetteer.Countries.Length} states");
        foreach (var country in gazetteer.Countries)
        {
            Assert.Equal(country.Name, gazetteer.CountryEntry(country.Iso3)?.Name);
            Assert.Contains(gazetteer.Lookup(country.Name), e => e.Kind == GazetteerEntryKind.Country && e.Country == country.Iso3);
        }
    }

    [Theory]
    // A village of 500 to 999 people, which only GeoNames cities500 holds, under its own name.
    [InlineData("A drone fell near Lyubopil in southern Ukraine on Sunday.", "Lyubopil=Lyubopil/UKR/Locality; Ukraine=Ukraine/UKR/Country")]
    // A transliteration GeoNames lists as an alternate name of a Syrian town ("Jindayris").
    [InlineData("Shelling was reported in Jandaris in northern Syria on Monday.", "Jandaris=Jindayris/SYR/Locality; Syria=Syria/SYR/Country")]
    // A Ukrainian village under its Russian-style spelling.
    [InlineData("Two houses burned in Vasilevka, Mykolaiv region.", "Vasilevka=Vasylivka/UKR/Locality; Mykolaiv=Mykolaiv/UKR/Admin")]
    public void Places_and_spellings_from_cities500_are_found(string text, string expected)
    {
        var analyzed = Analyzer.Analyze(text, "en");
        var found = string.Join("; ", Recognizer.Find(analyzed).Select(p => $"{analyzed.OriginalText(p.Start, p.End)}={p.Name}/{p.Country}/{p.Precision}"));
        Assert.Equal(expected, found);
    }
}
