using Sitrep.Actors;

namespace Sitrep.Extraction.Frames;

/// <summary>How extraction names actors: ACLED-style names for states' forces and governments, the recognizer's names otherwise.</summary>
internal static class ActorNaming
{
    public static string CountryName(string iso3) => ActorNames.CountryName(iso3);

    public static string StateForces(string iso3) => ActorNames.StateForces(iso3);

    public static string Government(string iso3) => ActorNames.Government(iso3);

    /// <summary>The side an actor mention stands for: a country's name for states and demonyms, the recognizer's name otherwise.</summary>
    public static string SideName(ActorMention actor) =>
        actor.Kind is ActorMentionKind.State or ActorMentionKind.Demonym && actor.Country is { } iso3 ? CountryName(iso3) : actor.Name;

    /// <summary>A stable key for "the same side": the country for states and demonyms, the name otherwise.</summary>
    public static string SideKey(ActorMention actor) =>
        actor.Kind is ActorMentionKind.State or ActorMentionKind.Demonym && actor.Country is { } iso3 ? iso3 : actor.Name;

    public static bool IsBelligerentKind(ActorMention actor) =>
        actor.Kind is ActorMentionKind.State or ActorMentionKind.Demonym or ActorMentionKind.DeFacto or ActorMentionKind.Group;
}
