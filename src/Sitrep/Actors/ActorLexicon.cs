using Sitrep.Places;

namespace Sitrep.Actors;

/// <summary>One actor the lexicon knows, as every alias of it resolves.</summary>
internal sealed record ActorDefinition(ActorMentionKind Kind, string Name, string? Country, string ContractKind);

/// <summary>
/// Every name of an actor: named groups, de facto authorities, organisations and media
/// (data/gazetteer/lexicon/actors.tsv), demonyms (demonyms.tsv) and states by country name or capital
/// (from the gazetteer). Indexed by <see cref="NameKey"/>; built once, read-only after.
/// </summary>
internal sealed class ActorLexicon
{
    private static readonly Lazy<ActorLexicon> Loaded = new(() => new ActorLexicon(Gazetteer.Default), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, ActorHit[]> _index = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActorHit[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<ActorDefinition> _definitions = [];
    // First words of the keys with more than one word and the most words of such a key (see Gazetteer.MostWords).
    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _firstWordLookup;

    private ActorLexicon(Gazetteer gazetteer)
    {
        foreach (var row in GazetteerResources.Rows("actors.tsv"))
        {
            if (row.Length < 5) throw new InvalidDataException($"actors.tsv: '{string.Join(' ', row)}' needs 5 columns");
            var kind = Enum.Parse<ActorMentionKind>(row[1]);
            var id = Define(new ActorDefinition(kind, row[0], row[3] == "-" ? null : row[3], row[2]));
            Add(row[0], id);
            foreach (var alias in row[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Add(alias, id);
        }
        foreach (var row in GazetteerResources.Rows("demonyms.tsv"))
        {
            var forms = row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var country = row[0] == "-" ? null : row[0];
            var id = Define(new ActorDefinition(ActorMentionKind.Demonym, forms[0].Replace('_', ' '), country, "unknown"));
            foreach (var form in forms) Add(form.Replace('_', ' '), id);
        }
        var states = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (name, entry) in gazetteer.StateNames)
        {
            var iso3 = gazetteer.Entry(entry).Country;
            if (!states.TryGetValue(iso3, out var id))
            {
                id = Define(new ActorDefinition(ActorMentionKind.State, ActorNames.Government(iso3), iso3, "government"));
                states[iso3] = id;
            }
            Add(name, id);
        }
        _lookup = _index.GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordLookup = _firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static ActorLexicon Default => Loaded.Value;

    public ActorDefinition Definition(int id) => _definitions[id];

    public bool TryLookup(ReadOnlySpan<char> key, out ActorHit[] hits) => _lookup.TryGetValue(key, out hits!);

    /// <summary>The most words of an alias key that starts with this word (1 when no multi-word key does).</summary>
    public int MostWords(ReadOnlySpan<char> firstWord) => _firstWordLookup.TryGetValue(firstWord, out var most) ? most : 1;

    private int Define(ActorDefinition definition)
    {
        _definitions.Add(definition);
        return _definitions.Count - 1;
    }

    private void Add(string alias, int id)
    {
        var key = NameKey.Of(alias);
        if (key.Length == 0) return;
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0) Gazetteer.NoteFirstWord(_firstWords, key, space);
        var hit = new ActorHit(id, NameKey.RuleOf(alias));
        if (_index.TryGetValue(key, out var hits))
        {
            var same = Array.FindIndex(hits, h => h.Actor == id);
            // The same actor under two casings ("Azeri", "azeri") takes the looser rule.
            if (same >= 0) { if (hit.Rule < hits[same].Rule) hits[same] = hit; return; }
            _index[key] = [.. hits, hit];
        }
        else
        {
            _index[key] = [hit];
        }
    }
}

/// <summary>An actor a name key points to, with the case the name needs in a text.</summary>
internal readonly record struct ActorHit(int Actor, CaseRule Rule);
