namespace Sitrep.Actors;

/// <summary>What an actor mention names.</summary>
public enum ActorMentionKind
{
    /// <summary>A state named by its country name or capital ("Azerbaijan", "Yerevan", "Moscova"): its government.</summary>
    State,
    /// <summary>A demonym or ethnonym ("Armenian", "azeri"): a side, not a place.</summary>
    Demonym,
    /// <summary>A named armed, political or identity group ("Taliban", "Houthis").</summary>
    Group,
    /// <summary>An international organisation ("UN", "ONU", "OSCE").</summary>
    Organisation,
    /// <summary>A news agency or outlet ("AFP", "Reuters"): only ever a relay of claims.</summary>
    Media,
    /// <summary>A de facto entity that is its own side ("Nagorno-Karabakh authorities", "DPR").</summary>
    DeFacto,
}

/// <summary>
/// An actor found in a text, normalised as ACLED users expect. Offsets are into
/// <see cref="Text.AnalyzedText.Normalized"/>.
/// </summary>
/// <param name="Name">Canonical name ("Government of Armenia", "Houthis", "United Nations", "AFP").</param>
/// <param name="Country">ISO 3166-1 alpha-3 the actor belongs to, or null for international ones.</param>
/// <param name="ContractKind">The contract's actor kind: state-forces, rebel-group, government, media...</param>
public sealed record ActorMention(
    int Start,
    int End,
    int FirstToken,
    int TokenCount,
    ActorMentionKind Kind,
    string Name,
    string? Country,
    string ContractKind);
