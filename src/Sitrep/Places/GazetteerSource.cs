namespace Sitrep.Places;

/// <summary>
/// What the gazetteer compiler hands to <see cref="GazetteerImageWriter"/>: states and places with every
/// name they are known by, in the order they are to be numbered (states first, then places).
/// </summary>
internal sealed record GazetteerSource(
    IReadOnlyList<(CountryInfo Country, IReadOnlyList<string> Aliases)> Countries,
    IReadOnlyList<(GazetteerEntry Entry, IReadOnlyList<string> Aliases)> Places);
