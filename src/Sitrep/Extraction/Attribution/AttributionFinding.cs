using System.Collections.Immutable;
using Sitrep.Output;

namespace Sitrep.Extraction.Attribution;

/// <summary>Who says something, through whom, and where the text says so.</summary>
/// <param name="Claimant">Canonical name of who makes the claim ("Ministry of Defence of Armenia").</param>
/// <param name="Via">Relays, outermost last ("AFP").</param>
/// <param name="Evidence">Original-text span of the attribution words and the claimant.</param>
/// <param name="SideKey">The side the claimant speaks for (a country code or entity name), or null when unknown.</param>
/// <param name="SideName">The name of that side ("Armenia").</param>
/// <param name="Belligerents">Side keys of a claim made by both warring sides ("both sides claim").</param>
/// <param name="Opposite">The claim is said to be the opposite of the one before it ("said the opposite").</param>
internal sealed record AttributionFinding(
    string Claimant,
    ImmutableArray<string> Via,
    Span Evidence,
    int CueToken,
    string? SideKey,
    string? SideName,
    ImmutableArray<string> Belligerents,
    bool Opposite);
