using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class SegmenterTests
{
    private static readonly TextAnalyzer Analyzer = new();

    private static string[] Sentences(string text, string language)
    {
        var analyzed = Analyzer.Analyze(text, language);
        return [.. analyzed.Sentences.Select(s => analyzed.OriginalText(s.Start, s.End))];
    }

    [Theory]
    // Abbreviations of titles and ranks do not end a sentence.
    [InlineData("en", "Gen. Smith arrived. He spoke.", new[] { "Gen. Smith arrived.", "He spoke." })]
    [InlineData("en", "They met on St. Mark street. Then left.", new[] { "They met on St. Mark street.", "Then left." })]
    [InlineData("ro", "Dl. Ionescu a vorbit. Apoi a plecat.", new[] { "Dl. Ionescu a vorbit.", "Apoi a plecat." })]
    [InlineData("ro", "Locuieste pe strada Florilor nr. 5 din oras. Vecinii au confirmat.", new[] { "Locuieste pe strada Florilor nr. 5 din oras.", "Vecinii au confirmat." })]
    [InlineData("ro", "Gen. Popa a confirmat. Armata tace.", new[] { "Gen. Popa a confirmat.", "Armata tace." })]
    [InlineData("en", "Lt. Col. Marsh and Sgt. Doyle were hurt. Two others died.", new[] { "Lt. Col. Marsh and Sgt. Doyle were hurt.", "Two others died." })]
    [InlineData("ro", "Slujba a avut loc la biserica Sf. Nicolae din jud. Arges. Au venit multi.", new[] { "Slujba a avut loc la biserica Sf. Nicolae din jud. Arges.", "Au venit multi." })]
    [InlineData("ro", "Pe 27 sept. 2020 au inceput luptele. Bilantul creste.", new[] { "Pe 27 sept. 2020 au inceput luptele.", "Bilantul creste." })]
    // A word that is sometimes abbreviated still ends the sentence when it is the ordinary word.
    [InlineData("ro", "Totul a avut loc. Apoi s-au retras.", new[] { "Totul a avut loc.", "Apoi s-au retras." })]
    [InlineData("en", "They took guns, radios, etc. Then they left.", new[] { "They took guns, radios, etc.", "Then they left." })]
    [InlineData("en", "They took guns, radios, etc. from the depot.", new[] { "They took guns, radios, etc. from the depot." })]
    // Initials and dotted acronyms do not end a sentence.
    [InlineData("en", "The U.S. Army sent troops. They landed.", new[] { "The U.S. Army sent troops.", "They landed." })]
    [InlineData("en", "Writer J. K. Doe said so. Nobody denied it.", new[] { "Writer J. K. Doe said so.", "Nobody denied it." })]
    // Closing quotes after the stop belong to the sentence they close.
    [InlineData("en", "He said: \"We will fight.\" Then he left.", new[] { "He said: \"We will fight.\"", "Then he left." })]
    [InlineData("ro", "A spus: \u201EVom lupta.\u201D Apoi a plecat.", new[] { "A spus: \u201EVom lupta.\u201D", "Apoi a plecat." })]
    // An ellipsis before a capital ends a sentence; an opening quote after the stop starts the next one.
    [InlineData("en", "They waited... Nothing came.", new[] { "They waited...", "Nothing came." })]
    [InlineData("en", "He left. \"We won,\" she said.", new[] { "He left.", "\"We won,\" she said." })]
    // Question and exclamation marks end sentences.
    [InlineData("en", "Who fired? Nobody knows!", new[] { "Who fired?", "Nobody knows!" })]
    // A blank line ends a paragraph and its sentence, even without a stop.
    [InlineData("en", "Headline without stop\n\nBody starts here.", new[] { "Headline without stop", "Body starts here." })]
    // A decimal point and a lower-case continuation do not end a sentence.
    [InlineData("en", "It moved 1.5 km. from the line.", new[] { "It moved 1.5 km. from the line." })]
    // A glued sentence is split by the normaliser, and the split is a sentence break.
    [InlineData("ro", "Potrivit AFP.Alte surse neaga.", new[] { "Potrivit AFP.", "Alte surse neaga." })]
    public void Sentences_are_split_where_they_end(string language, string text, string[] expected)
    {
        Assert.Equal(expected, Sentences(text, language));
    }

    [Theory]
    // Words, numbers with their separators, punctuation and symbols are separate tokens.
    [InlineData("Au murit 30.000 de oameni.", new[] { "Au", "murit", "30.000", "de", "oameni", "." })]
    [InlineData("A costat 5% din buget", new[] { "A", "costat", "5", "%", "din", "buget" })]
    [InlineData("Nagorno-Karabakh", new[] { "Nagorno", "-", "Karabakh" })]
    // Combining marks stay inside their word, even when not composed.
    [InlineData("s\u0326i", new[] { "s\u0326i" })]
    // An emoji is one token: its surrogate pair is never split.
    [InlineData("ok \uD83D\uDE00 ok", new[] { "ok", "\uD83D\uDE00", "ok" })]
    public void Tokens_cover_words_numbers_and_punctuation(string text, string[] expected)
    {
        var analyzed = Analyzer.Analyze(text, "ro");
        Assert.Equal(expected, analyzed.Tokens.Select(t => analyzed.OriginalText(t.Start, t.End)));
    }
}
