using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Extraction.Frames;
using Sitrep.Extraction.Lexicons;
using Sitrep.Text;

namespace Sitrep.Extraction.Attribution;

/// <summary>A claimant as named from the text, with the side it speaks for.</summary>
internal sealed record NamedClaimant(string Name, string? SideKey, string? SideName, ImmutableArray<string> Belligerents, string? Media);

/// <summary>
/// Names who a stretch of words designates as a claimant: an institution and its owner ("the separatists'
/// Defence Ministry", "ministerul Apararii din aceasta tara" with the country from the discourse), an actor,
/// both warring sides, or, failing all, the words themselves.
/// </summary>
internal sealed class ClaimantNamer
{
    private readonly DocumentScan _scan;
    private readonly ImmutableArray<(string Key, string Name)> _belligerents;
    private readonly Lazy<(string Name, string Key)> _separatists;

    public ClaimantNamer(DocumentScan scan)
    {
        _scan = scan;
        _separatists = new Lazy<(string, string)>(() =>
        {
            var entity = scan.Actors.FirstOrDefault(a => a.Kind == ActorMentionKind.DeFacto);
            if (entity is not null) return (entity.Name, entity.Name);
            var place = scan.Places.FirstOrDefault(p => p.Precision is Places.PlacePrecision.Region or Places.PlacePrecision.Admin);
            return place is not null ? ($"{place.Name} separatists", place.Name) : ("separatists", "separatists");
        }, LazyThreadSafetyMode.None);
        _belligerents = [.. scan.Actors
            .Where(ActorNaming.IsBelligerentKind)
            .GroupBy(ActorNaming.SideKey, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Min(a => a.FirstToken))
            .Take(2)
            .Select(g => (g.Key, ActorNaming.SideName(g.First())))];
    }

    /// <summary>The two sides most present in the text, taken as the warring parties of "both sides".</summary>
    public ImmutableArray<(string Key, string Name)> Belligerents => _belligerents;

    /// <summary>The claimant of a claim that only an outlet passed on ("according to Reuters").</summary>
    public const string UnnamedSource = "unnamed source";

    /// <returns>The claimant's name and side, or null when the words name nobody.</returns>
    public NamedClaimant? Name(int first, int end, bool allowWords = true)
    {
        if (first >= end) return null;
        var sentence = _scan.Tokens[first].Sentence;
        var actors = _scan.ActorsIn(first, end).ToList();
        var media = actors.FirstOrDefault(a => a.Kind == ActorMentionKind.Media);
        var owners = actors.Where(a => a.Kind != ActorMentionKind.Media).ToList();
        var institution = _scan.In(LexiconKind.Institutions, sentence).FirstOrDefault(m => m.FirstToken >= first && m.FirstToken < end);
        var sides = _scan.In(LexiconKind.Sides, sentence).Where(m => m.FirstToken >= first && m.FirstToken < end).ToList();

        if (institution.Entry is not null)
        {
            var canonical = institution.Entry.Field(0);
            var owner = OwnerOf(first, end, owners, sides);
            return owner is { } o ? new NamedClaimant($"{canonical} of {o.Name}", o.Key, o.Name, [], null) : new NamedClaimant(canonical, null, null, [], null);
        }
        if (owners.Count > 0)
        {
            var actor = owners[0];
            var name = actor.Kind is ActorMentionKind.State or ActorMentionKind.Demonym && actor.Country is { } iso3 ? ActorNaming.Government(iso3) : actor.Name;
            return new NamedClaimant(name, ActorNaming.SideKey(actor), ActorNaming.SideName(actor), [], media?.Name);
        }
        if (sides.Any(m => string.Equals(m.Entry.Field(0), "both", StringComparison.Ordinal)))
        {
            var names = _belligerents.Length == 2 ? $"{_belligerents[0].Name} and {_belligerents[1].Name}" : "both sides";
            return new NamedClaimant(names, null, null, [.. _belligerents.Select(b => b.Key)], null);
        }
        if (sides.FirstOrDefault(m => string.Equals(m.Entry.Field(0), "separatists", StringComparison.Ordinal)) is { Entry: not null })
        {
            var separatists = Separatists();
            return new NamedClaimant(separatists.Name, separatists.Key, separatists.Name, [], null);
        }
        if (media is not null) return new NamedClaimant(UnnamedSource, null, null, [], media.Name);
        if (!allowWords) return null;
        var words = Words(first, end);
        return words is null ? null : new NamedClaimant(words, null, null, [], null);
    }

    /// <summary>An institution's owner: an actor or place in its phrase, the separatists of the text, or the country the text was last about ("this country").</summary>
    private (string Name, string Key)? OwnerOf(int first, int end, List<ActorMention> owners, List<Matching.LexiconMatch> sides)
    {
        if (owners.Count > 0) return (ActorNaming.SideName(owners[0]), ActorNaming.SideKey(owners[0]));
        var place = _scan.PlacesIn(first, end).FirstOrDefault() ?? NamedElsewhere(first, end);
        if (place is not null) return (place.Name, place.Name);
        if (sides.Any(m => string.Equals(m.Entry.Field(0), "separatists", StringComparison.Ordinal))) return Separatists();
        var previous = _scan.LastActorBefore(first, a => a.Kind is ActorMentionKind.State or ActorMentionKind.Demonym);
        return previous is null ? null : (ActorNaming.SideName(previous), ActorNaming.SideKey(previous));
    }

    /// <summary>
    /// A capitalised word the recognizers left alone here ("the Karabakh Defence Ministry") but resolved
    /// elsewhere in the same text: one name means one thing within a text.
    /// </summary>
    private Places.PlaceMention? NamedElsewhere(int first, int end)
    {
        for (var t = first; t < end; t++)
        {
            var token = _scan.Tokens[t];
            if (token.Kind != TokenKind.Word || !char.IsUpper(_scan.Text.Normalized[token.Start])) continue;
            var word = _scan.Folded(t);
            foreach (var place in _scan.Places)
            {
                if (place.Precision == Places.PlacePrecision.Country) continue;
                var surface = _scan.Text.Folded.AsSpan(place.Start, place.End - place.Start);
                if (surface.SequenceEqual(word) || surface.EndsWith(word) && surface[^(word.Length + 1)] is ' ' or '-') return place;
            }
        }
        return null;
    }

    /// <summary>"The separatists" of a text are the de facto entity it names, when it names one.</summary>
    private (string Name, string Key) Separatists()
    {
        return _separatists.Value;
    }

    private string? Words(int first, int end)
    {
        while (first < end && _scan.Tokens[first].Kind != TokenKind.Word) first++;
        while (end > first && _scan.Tokens[end - 1].Kind != TokenKind.Word) end--;
        if (first >= end) return null;
        return _scan.OriginalText(_scan.TokenSpan(first, end));
    }
}
