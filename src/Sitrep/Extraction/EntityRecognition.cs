using System.Collections.Immutable;
using Sitrep.Actors;
using Sitrep.Places;
using Sitrep.Text;

namespace Sitrep.Extraction;

/// <summary>
/// The places and actors extraction builds on. An adapter over the recognizers so that extraction can
/// run (and be tested) before or without them; the defaults are the engine's recognizers.
/// </summary>
public sealed class EntityRecognition
{
    private readonly Func<AnalyzedText, string?, ImmutableArray<PlaceMention>> _places;
    private readonly Func<AnalyzedText, ImmutableArray<ActorMention>> _actors;

    public EntityRecognition(Func<AnalyzedText, string?, ImmutableArray<PlaceMention>> places, Func<AnalyzedText, ImmutableArray<ActorMention>> actors)
    {
        _places = places;
        _actors = actors;
    }

    /// <summary>No places, no actors: extraction still finds events, figures and dates.</summary>
    public static EntityRecognition None { get; } = new(static (_, _) => [], static _ => []);

    /// <summary>The engine's gazetteer-backed place recognizer and its actor recognizer, built once.</summary>
    public static EntityRecognition Default => Shared.Value;

    private static readonly Lazy<EntityRecognition> Shared = new(static () =>
    {
        var places = new PlaceRecognizer();
        var actors = new ActorRecognizer();
        return new EntityRecognition(places.Find, actors.Find);
    });

    /// <param name="homeCountry">The publishing outlet's home (ISO alpha-3), a prior between namesakes; null when unknown.</param>
    public ImmutableArray<PlaceMention> Places(AnalyzedText text, string? homeCountry = null) => _places(text, homeCountry);

    public ImmutableArray<ActorMention> Actors(AnalyzedText text) => _actors(text);
}
