// This file is compiled twice: into the build-time lexicon compiler (netstandard2.0, where it validates
// data/lexicons/**/*.tsv and fails the build on a bad line) and into the engine (where tests reach it).
// Keep it free of APIs newer than netstandard2.0.
using System;
using System.Collections.Generic;
using System.Globalization;

namespace Sitrep.Extraction.Lexicons;

/// <summary>One validated line of a lexicon file: a pattern and the columns its kind defines.</summary>
public sealed class LexiconRow
{
    public LexiconRow(string language, string kind, int line, string pattern, string[] fields)
    {
        Language = language;
        Kind = kind;
        Line = line;
        Pattern = pattern;
        Fields = fields;
    }

    public string Language { get; }

    /// <summary>The file's kind, its name without extension ("triggers", "victims").</summary>
    public string Kind { get; }

    public int Line { get; }

    /// <summary>Folded words separated by spaces; "word*" matches a prefix, "stem{,a,e}" lists endings.</summary>
    public string Pattern { get; }

    public string[] Fields { get; }
}

/// <summary>A malformed lexicon line, with where it is and what is wrong.</summary>
public sealed class LexiconProblem
{
    public LexiconProblem(string path, int line, string message)
    {
        Path = path;
        Line = line;
        Message = message;
    }

    public string Path { get; }

    public int Line { get; }

    public string Message { get; }

    public override string ToString() => Path + "(" + Line.ToString(CultureInfo.InvariantCulture) + "): " + Message;
}

/// <summary>
/// What each lexicon kind's columns mean and which values they take. The single definition both the
/// build-time compiler and the engine read, so a value the engine does not know cannot reach it.
/// </summary>
public static class LexiconSchema
{
    /// <summary>Sub-event codes used by triggers.tsv, with ACLED's event type and sub-event type (or our Statements family).</summary>
    public static readonly IReadOnlyDictionary<string, KeyValuePair<string, string>> SubEvents = new Dictionary<string, KeyValuePair<string, string>>(StringComparer.Ordinal)
    {
        ["armed-clash"] = Pair("Battles", "Armed clash"),
        ["government-regains-territory"] = Pair("Battles", "Government regains territory"),
        ["non-state-overtakes-territory"] = Pair("Battles", "Non-state actor overtakes territory"),
        // A change of control whose sub-type depends on who gained it (state or not): decided from the actor.
        ["territory"] = Pair("Battles", "Government regains territory"),
        ["chemical-weapon"] = Pair("Explosions/Remote violence", "Chemical weapon"),
        ["air-drone-strike"] = Pair("Explosions/Remote violence", "Air/drone strike"),
        ["suicide-bomb"] = Pair("Explosions/Remote violence", "Suicide bomb"),
        ["shelling"] = Pair("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ["remote-explosive"] = Pair("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ["grenade"] = Pair("Explosions/Remote violence", "Grenade"),
        ["sexual-violence"] = Pair("Violence against civilians", "Sexual violence"),
        ["attack"] = Pair("Violence against civilians", "Attack"),
        ["abduction"] = Pair("Violence against civilians", "Abduction/forced disappearance"),
        ["peaceful-protest"] = Pair("Protests", "Peaceful protest"),
        ["protest-with-intervention"] = Pair("Protests", "Protest with intervention"),
        ["excessive-force"] = Pair("Protests", "Excessive force against protesters"),
        ["violent-demonstration"] = Pair("Riots", "Violent demonstration"),
        ["mob-violence"] = Pair("Riots", "Mob violence"),
        ["agreement"] = Pair("Strategic developments", "Agreement"),
        ["arrests"] = Pair("Strategic developments", "Arrests"),
        ["change-to-group"] = Pair("Strategic developments", "Change to group/activity"),
        ["disrupted-weapons-use"] = Pair("Strategic developments", "Disrupted weapons use"),
        ["headquarters-established"] = Pair("Strategic developments", "Headquarters or base established"),
        ["looting"] = Pair("Strategic developments", "Looting/property destruction"),
        ["non-violent-territory-transfer"] = Pair("Strategic developments", "Non-violent transfer of territory"),
        ["other"] = Pair("Strategic developments", "Other"),
        ["appeal"] = Pair("Statements", "Appeal"),
        ["support"] = Pair("Statements", "Support"),
        ["accusation"] = Pair("Statements", "Accusation"),
        ["denial"] = Pair("Statements", "Denial"),
        ["claim-of-responsibility"] = Pair("Statements", "Claim of responsibility"),
        ["threat"] = Pair("Statements", "Threat"),
        ["diplomatic-contact"] = Pair("Statements", "Diplomatic contact"),
    };

    private static readonly string[] Outcomes = { "killed", "wounded", "missing", "captured", "abducted", "arrested" };
    private static readonly string[] OutcomeForms = { "verb", "noun", "adjective", "toll" };
    private static readonly string[] VictimCategories = { "military", "civilian", "combatant", "police", "protester", "unknown" };
    private static readonly string[] AttributionCues = { "source", "speech", "relay", "report", "opposite" };
    private static readonly string[] NegationKinds = { "negation", "non-report" };
    private static readonly string[] ModalityKinds = { "hedge", "hypothetical", "future", "threat" };
    private static readonly string[] HistoricalKinds = { "background", "since", "period", "past-war" };
    private static readonly string[] Scopes = { "clause", "sentence" };
    private static readonly string[] AmountModes = { "vague", "at-least", "more-than", "about", "at-most", "up-to", "unit", "single", "subset", "subset-either", "toll-link" };
    private static readonly string[] TimeKinds = { "weekday", "relative-day", "month", "part-of-day", "date-lead", "approximate-lead", "year-lead", "year-range" };
    private static readonly string[] GuardDomains = { "sport", "market", "film", "metaphor", "commemoration", "game", "medicine", "weather", "fire", "food", "drill", "culture", "accident", "disaster" };
    private static readonly string[] WeaponClasses = { "artillery", "missile", "air", "drone", "explosive", "grenade", "firearm", "chemical", "armour", "bladed", "blunt", "fire", "heavy-firearm", "unspecified" };
    private static readonly string[] SideRelations = { "enemy", "both", "reflexive", "separatists", "pro", "anti", "agent", "passive" };
    private static readonly string[] RefinerCues = { "intervention", "protester-violence", "lethal-force", "mob", "civilian-target", "armed-actor", "non-violent", "observation", "security-measure", "detention", "crowd-size", "grievance", "demand", "return-fire" };
    private static readonly string[] ClauseBreaks = { "relative", "contrast", "coordination", "subordinate" };
    private static readonly string[] EverydayDomains = { "politics", "law", "sport", "market", "technology", "travel", "speech", "office", "natural-death", "everyday" };

    /// <summary>Each kind's columns after the pattern: a name and a validator returning null when the value is good.</summary>
    public static readonly IReadOnlyDictionary<string, Column[]> Kinds = new Dictionary<string, Column[]>(StringComparer.Ordinal)
    {
        ["triggers"] = new[] { new Column("sub-event", v => SubEvents.ContainsKey(v) ? null : "unknown sub-event code '" + v + "'"), new Column("salience", v => Integer(v, 1, 9)) },
        ["outcomes"] = new[] { OneOf("outcome", Outcomes), OneOf("form", OutcomeForms) },
        ["victims"] = new[] { OneOf("category", VictimCategories) },
        ["attribution"] = new[] { OneOf("cue", AttributionCues) },
        ["negation"] = new[] { OneOf("kind", NegationKinds) },
        ["modality"] = new[] { OneOf("kind", ModalityKinds) },
        ["historical"] = new[] { OneOf("kind", HistoricalKinds), OneOf("scope", Scopes) },
        ["amounts"] = new[] { OneOf("mode", AmountModes), new Column("min", OptionalInteger), new Column("max", OptionalInteger), new Column("best", OptionalInteger) },
        ["time-words"] = new[] { OneOf("kind", TimeKinds), new Column("value", v => Integer(v, -31, 31)) },
        ["guards"] = new[] { OneOf("domain", GuardDomains) },
        ["weapons"] = new[] { OneOf("class", WeaponClasses) },
        ["institutions"] = new[] { new Column("canonical", v => v.Length > 0 ? null : "empty canonical name") },
        ["sides"] = new[] { OneOf("relation", SideRelations) },
        ["refiners"] = new[] { OneOf("cue", RefinerCues) },
        ["clause-breaks"] = new[] { OneOf("kind", ClauseBreaks) },
        ["senses"] = new[] { OneOf("everyday", EverydayDomains) },
    };

    /// <summary>Parses one lexicon file. Good lines become rows; every bad one becomes a problem naming the file and line.</summary>
    public static List<LexiconRow> Parse(string path, string language, string kind, string content, List<LexiconProblem> problems)
    {
        var rows = new List<LexiconRow>();
        if (!Kinds.TryGetValue(kind, out var columns))
        {
            problems.Add(new LexiconProblem(path, 1, "unknown lexicon kind '" + kind + "' (the file name says what the file holds)"));
            return rows;
        }
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var number = i + 1;
            if (line.Trim().Length == 0 || line.TrimStart()[0] == '#') continue;
            var cells = line.Split('\t');
            if (cells.Length != columns.Length + 1)
            {
                problems.Add(new LexiconProblem(path, number, "expected " + (columns.Length + 1).ToString(CultureInfo.InvariantCulture) + " tab-separated columns (pattern, " + ColumnNames(columns) + ") but found " + cells.Length.ToString(CultureInfo.InvariantCulture)));
                continue;
            }
            var pattern = cells[0].Trim();
            var patternError = CheckPattern(pattern);
            if (patternError is not null)
            {
                problems.Add(new LexiconProblem(path, number, patternError));
                continue;
            }
            var fields = new string[columns.Length];
            var bad = false;
            for (var c = 0; c < columns.Length; c++)
            {
                var value = cells[c + 1].Trim();
                var error = columns[c].Validate(value);
                if (error is not null)
                {
                    problems.Add(new LexiconProblem(path, number, "column '" + columns[c].Name + "': " + error));
                    bad = true;
                }
                fields[c] = value;
            }
            if (!bad) rows.Add(new LexiconRow(language, kind, number, pattern, fields));
        }
        return rows;
    }

    /// <summary>A pattern is folded (lower case, no diacritics); '*' may end a word of three letters or more; "{a,b}" may end a word.</summary>
    public static string? CheckPattern(string pattern)
    {
        if (pattern.Length == 0) return "empty pattern";
        var words = pattern.Split(' ');
        foreach (var word in words)
        {
            if (word.Length == 0) return "double space in pattern '" + pattern + "'";
            var brace = word.IndexOf('{');
            var star = word.IndexOf('*');
            if (star >= 0 && (star != word.Length - 1 || star < 3)) return "'*' must end a stem of at least three letters: '" + word + "'";
            if (brace >= 0 && (word[word.Length - 1] != '}' || brace == 0 || word.IndexOf('}') != word.Length - 1)) return "endings '{...}' must close the word: '" + word + "'";
            // "pierderi{le}" is a typo for "pierderi{,le}": one ending is just a longer word.
            if (brace >= 0 && word.IndexOf(',') < 0) return "endings '{...}' must list at least two endings (write '{,x}' for an optional one): '" + word + "'";
            foreach (var ch in word)
            {
                if (char.IsUpper(ch)) return "pattern must be folded to lower case: '" + word + "'";
                if (ch >= '\u00C0' && ch <= '\u024F') return "pattern must be folded without diacritics: '" + word + "'";
                if (char.IsWhiteSpace(ch)) return "pattern holds a blank that is not a space";
            }
        }
        return null;
    }

    /// <summary>Expands "ucis{,i,a,e}" into ucis, ucisi, ucisa, ucise; other words stay as they are.</summary>
    public static List<string> ExpandEndings(string word)
    {
        var brace = word.IndexOf('{');
        if (brace < 0) return new List<string> { word };
        var stem = word.Substring(0, brace);
        var endings = word.Substring(brace + 1, word.Length - brace - 2).Split(',');
        var forms = new List<string>(endings.Length);
        foreach (var ending in endings) forms.Add(stem + ending.Trim());
        return forms;
    }

    private static string ColumnNames(Column[] columns)
    {
        var names = new string[columns.Length];
        for (var i = 0; i < columns.Length; i++) names[i] = columns[i].Name;
        return string.Join(", ", names);
    }

    private static Column OneOf(string name, string[] values) =>
        new(name, v => Array.IndexOf(values, v) >= 0 ? null : "'" + v + "' is not one of " + string.Join("|", values));

    private static string? Integer(string value, int min, int max)
    {
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return "'" + value + "' is not an integer";
        return number < min || number > max ? "'" + value + "' is outside " + min.ToString(CultureInfo.InvariantCulture) + ".." + max.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static string? OptionalInteger(string value) =>
        string.Equals(value, "-", StringComparison.Ordinal) ? null : Integer(value, 0, 1000000);

    private static KeyValuePair<string, string> Pair(string type, string subType) => new(type, subType);

    /// <summary>A column of a lexicon kind.</summary>
    public sealed class Column
    {
        private readonly Func<string, string?> _validate;

        public Column(string name, Func<string, string?> validate)
        {
            Name = name;
            _validate = validate;
        }

        public string Name { get; }

        /// <summary>Null when the value is good, else why it is not.</summary>
        public string? Validate(string value) => _validate(value);
    }
}
