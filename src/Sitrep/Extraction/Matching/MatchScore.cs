using Sitrep.Text;

namespace Sitrep.Extraction.Matching;

/// <summary>
/// "a 121-98 win", "2-1": two digit groups glued by a hyphen, the larger first, are a match score. A range
/// of a toll is written smaller first ("3-4 killed"), so neither number of a score is a head count, and a
/// score in a sentence tells that its violent-looking words are about a game.
/// </summary>
internal static class MatchScore
{
    /// <summary>Whether the digits at <paramref name="token"/> are either side of a score.</summary>
    public static bool At(DocumentScan scan, int token)
    {
        if (Digits(scan, token) is not { } value) return false;
        if (Glued(scan, token, token + 1) && scan.IsPunctuation(token + 1, '-') && Glued(scan, token + 1, token + 2) && Digits(scan, token + 2) is { } after) return after < value;
        if (Glued(scan, token - 1, token) && scan.IsPunctuation(token - 1, '-') && Glued(scan, token - 2, token - 1) && Digits(scan, token - 2) is { } before) return before > value;
        return false;
    }

    private static bool Glued(DocumentScan scan, int left, int right) =>
        left >= 0 && right < scan.Tokens.Length && scan.Tokens[left].End == scan.Tokens[right].Start;

    private static decimal? Digits(DocumentScan scan, int token) =>
        token >= 0 && token < scan.Tokens.Length && scan.Tokens[token].Kind == TokenKind.Number
        && decimal.TryParse(scan.Folded(token), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
}
