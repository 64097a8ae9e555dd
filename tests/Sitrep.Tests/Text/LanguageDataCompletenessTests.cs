using Sitrep.Languages;
using Sitrep.Tests.Support;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

/// <summary>A language is a folder of data: every folder must carry every file the chain reads, well formed.</summary>
public sealed class LanguageDataCompletenessTests
{
    /// <summary>The files the text chain needs in every language folder. Extraction adds its own here.</summary>
    public static readonly string[] RequiredFiles =
    [
        "abbreviations.txt",
        LanguageIdentifier.FileName,
        LanguageIdentifier.AlphabetFileName,
        "number-format.txt",
        NumberWords.FileName,
    ];

    public static TheoryData<string> LanguageFolders()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Path.Combine(SharedData.RepositoryRoot, "data", "lexicons")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(LanguageFolders))]
    public void Every_language_folder_has_every_required_file(string language)
    {
        var missing = RequiredFiles.Where(f => !File.Exists(Path.Combine(SharedData.RepositoryRoot, "data", "lexicons", language, f))).ToArray();
        Assert.True(missing.Length == 0, $"data/lexicons/{language} lacks {string.Join(", ", missing)}");
    }

    [Theory]
    [MemberData(nameof(LanguageFolders))]
    public void Every_language_folder_is_embedded_in_the_engine(string language)
    {
        Assert.Contains(language, LanguageResources.Languages);
        foreach (var file in RequiredFiles) Assert.True(LanguageResources.Exists(language, file), $"{language}/{file} is not embedded");
    }

    [Theory]
    [MemberData(nameof(LanguageFolders))]
    public void Every_language_has_well_formed_text_data(string language)
    {
        // Number words parse (a malformed line throws) and hold at least the units.
        Assert.True(NumberWords.ForLanguage(language).Count >= 10);
        // The number format names two different one-character separators.
        var format = LanguageResources.Lines(language, "number-format.txt");
        Assert.Equal(2, format.Count);
        Assert.All(format, line => Assert.Equal(1, line.Length));
        Assert.NotEqual(format[0], format[1]);
        // The alphabet holds lower-case letters only.
        var alphabet = string.Concat(LanguageResources.Lines(language, LanguageIdentifier.AlphabetFileName));
        Assert.NotEmpty(alphabet);
        Assert.All(alphabet, c => Assert.True(char.IsLetter(c) && char.IsLower(c), $"'{c}' in {language}/alphabet.txt"));
        // Function words and abbreviations are written folded, one per line, as the chain looks them up.
        foreach (var file in new[] { LanguageIdentifier.FileName, "abbreviations.txt" })
        {
            var lines = LanguageResources.Lines(language, file);
            Assert.NotEmpty(lines);
            Assert.All(lines, line => Assert.Equal(TextFolding.Fold(line), line));
            Assert.All(lines, line => Assert.DoesNotContain(' ', line));
            Assert.Equal(lines.Count, lines.Distinct(StringComparer.Ordinal).Count());
        }
    }
}
