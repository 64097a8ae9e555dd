using System.Globalization;
using Sitrep.Text;

namespace Sitrep.Tests.Text;

public sealed class NumberRecognizerTests
{
    private static readonly TextAnalyzer Analyzer = new();

    [Theory]
    // Digits with each language's thousands separator.
    [InlineData("ro", "Peste 30.000 de oameni au plecat.", "30.000", "30000")]
    [InlineData("en", "Over 30,000 people fled.", "30,000", "30000")]
    [InlineData("ro", "Au fost 2.500 de refugiati.", "2.500", "2500")]
    [InlineData("ro", "Bilantul a ajuns la 1.000.000 de euro.", "1.000.000", "1000000")]
    // Decimal separators, alone and before a multiplier word.
    [InlineData("ro", "Pagubele trec de 1,5 milioane de lei.", "1,5 milioane", "1500000")]
    [InlineData("en", "Damage reached 1.2 million dollars.", "1.2 million", "1200000")]
    [InlineData("en", "A budget of 3.5 bn was cut.", "3.5 bn", "3500000000")]
    [InlineData("en", "Prices rose by 2,500.75 points.", "2,500.75", "2500.75")]
    [InlineData("ro", "Un tren cu 30 de mii de tone.", "30 de mii", "30000")]
    // Years are plain numbers; downstream decides they are years.
    [InlineData("en", "The war of 2016 ended.", "2016", "2016")]
    // English number words.
    [InlineData("en", "Five soldiers were hurt.", "Five", "5")]
    [InlineData("en", "They said twenty-three people died.", "twenty-three", "23")]
    [InlineData("en", "They said twenty three people died.", "twenty three", "23")]
    [InlineData("en", "Some two hundred and five homes burned.", "two hundred and five", "205")]
    [InlineData("en", "About a dozen shops were looted.", "a dozen", "12")]
    [InlineData("en", "Nearly two dozen trucks arrived.", "two dozen", "24")]
    [InlineData("en", "More than a thousand people marched.", "a thousand", "1000")]
    [InlineData("en", "It cost one million three hundred thousand dollars.", "one million three hundred thousand", "1300000")]
    [InlineData("en", "Fifteen hundred troops moved in.", "Fifteen hundred", "1500")]
    [InlineData("en", "Nineteen ninety-four was the worst year.", "Nineteen", "19")]
    // Romanian number words, with and without diacritics.
    [InlineData("ro", "Cinci politisti au fost raniti.", "Cinci", "5")]
    [InlineData("ro", "Doi jandarmi si trei civili.", "Doi", "2")]
    [InlineData("ro", "Au murit dou\u0103zeci \u0219i trei de oameni.", "dou\u0103zeci \u0219i trei", "23")]
    [InlineData("ro", "Au murit douazeci si trei de oameni.", "douazeci si trei", "23")]
    [InlineData("ro", "Sunt paisprezece victime.", "paisprezece", "14")]
    [InlineData("ro", "Sunt saisprezece victime.", "saisprezece", "16")]
    [InlineData("ro", "Sunt \u0219aptesprezece victime.", "\u0219aptesprezece", "17")]
    [InlineData("ro", "Peste o sut\u0103 de case au ars.", "o sut\u0103", "100")]
    [InlineData("ro", "Peste doua sute de case au ars.", "doua sute", "200")]
    [InlineData("ro", "Au venit o mie de voluntari.", "o mie", "1000")]
    [InlineData("ro", "Au venit doua mii de voluntari.", "doua mii", "2000")]
    [InlineData("ro", "Costul este de un milion de lei.", "un milion", "1000000")]
    [InlineData("ro", "Au fost o suta douazeci si cinci de raniti.", "o suta douazeci si cinci", "125")]
    [InlineData("ro", "Au fugit doua sute de mii de oameni.", "doua sute de mii", "200000")]
    [InlineData("ro", "Au fost nou\u0103 mor\u021Bi, potrivit armatei.", "nou\u0103", "9")]
    [InlineData("ro", "Au fost noua morti, potrivit armatei.", "noua", "9")]
    [InlineData("ro", "Noua morti au fost raportati.", "Noua", "9")]
    public void Numbers_are_read_with_their_value_and_full_span(string language, string text, string expectedText, string expectedValue)
    {
        var analyzed = Analyzer.Analyze(text, language);
        var number = Assert.Single(analyzed.Numbers, n => analyzed.OriginalText(n.Start, n.End).Length == expectedText.Length
            && string.Equals(analyzed.OriginalText(n.Start, n.End), expectedText, StringComparison.Ordinal));
        Assert.Equal(decimal.Parse(expectedValue, CultureInfo.InvariantCulture), number.Value);
        var covered = analyzed.Tokens.Skip(number.FirstToken).Take(number.TokenCount).ToArray();
        Assert.Equal(number.Start, covered[0].Start);
        Assert.Equal(number.End, covered[^1].End);
    }

    [Theory]
    // Articles alone are not the number one.
    [InlineData("ro", "Un soldat a fost ranit intr-o ambuscada.")]
    [InlineData("ro", "O femeie a fost ranita.")]
    [InlineData("en", "A soldier was hurt in an ambush.")]
    // Vague amounts are left to extraction: no exact number here.
    [InlineData("en", "Hundreds of people and dozens of cars.")]
    [InlineData("ro", "Sute de oameni si zeci de masini.")]
    [InlineData("ro", "Mii de oameni au iesit in strada.")]
    // A weak word after a determiner is an ordinary word: "o noua runda" is a new round.
    [InlineData("ro", "A inceput o noua runda de negocieri.")]
    // In a text with diacritics, "noua" without them is "the new", not nine.
    [InlineData("ro", "Noua lege a fost adoptat\u0103 \u00EEn mai.")]
    // Capitalised inside a sentence, a weak word is part of a name.
    [InlineData("ro", "Au ajuns in satul Lunca Noua seara.")]
    // A date written with dots is not a number.
    [InlineData("ro", "Pe 12.05.2020 nu s-a intamplat nimic.")]
    public void Words_that_are_not_numbers_give_no_number(string language, string text)
    {
        var analyzed = Analyzer.Analyze(text, language);
        Assert.Empty(analyzed.Numbers);
    }

    [Theory]
    // Two numbers side by side stay two numbers.
    [InlineData("en", "Between 2019 and 2020 five died.", new[] { "2019", "2020", "5" })]
    [InlineData("ro", "Trei si patru fac sapte.", new[] { "3", "4", "7" })]
    [InlineData("en", "Scores were 5 and six.", new[] { "5", "6" })]
    public void Separate_numbers_are_not_joined(string language, string text, string[] expected)
    {
        var analyzed = Analyzer.Analyze(text, language);
        Assert.Equal(expected, analyzed.Numbers.Select(n => n.Value.ToString(CultureInfo.InvariantCulture)));
    }

    [Theory]
    // The same digits mean different values in each language.
    [InlineData(',', '.', "30,000", "30000")]
    [InlineData('.', ',', "30.000", "30000")]
    [InlineData(',', '.', "30.000", "30")]
    [InlineData('.', ',', "1,5", "1.5")]
    [InlineData(',', '.', "1.5", "1.5")]
    [InlineData('.', ',', "1.234,56", "1234.56")]
    [InlineData(',', '.', "1,234.56", "1234.56")]
    [InlineData(',', '.', "1,000,000", "1000000")]
    [InlineData('.', ',', "007", "7")]
    public void Digits_are_read_with_the_language_separators(char thousands, char decimalPoint, string digits, string expected)
    {
        var recognizer = new NumberRecognizer(thousands, decimalPoint);
        Assert.True(recognizer.TryParseDigits(digits, out var value));
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), value);
    }

    [Theory]
    // Malformed groupings are not numbers.
    [InlineData("12.05.2020")]
    [InlineData("1,23,456")]
    [InlineData("1.234,5,6")]
    [InlineData("99999999999999999999999999999999999")]
    public void Malformed_digit_groups_are_not_numbers(string digits)
    {
        Assert.False(new NumberRecognizer(',', '.').TryParseDigits(digits, out _));
    }

    [Theory]
    // A line without the role, an unknown role, a non-number value, a duplicate are all rejected.
    [InlineData("five\t5")]
    [InlineData("five\t5\tnoun")]
    [InlineData("five\tfive\tvalue")]
    [InlineData("five\t5\tvalue\tstrong")]
    [InlineData("five\t5\tvalue\nFIVE\t5\tvalue")]
    public void Malformed_number_word_lines_are_rejected(string lines)
    {
        Assert.Throws<InvalidDataException>(() => NumberWords.Parse(lines.Split('\n'), "test"));
    }
}
