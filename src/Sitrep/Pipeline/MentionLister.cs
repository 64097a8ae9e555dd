using System.Collections.Immutable;
using Sitrep.Output;
using Sitrep.Text;

namespace Sitrep.Pipeline;

/// <summary>Lists what the text chain found (tokens and numbers) beside extraction's own mentions, in text order, with original offsets.</summary>
internal static class MentionLister
{
    public static ImmutableArray<Mention> List(AnalyzedText text, ImmutableArray<Mention> extracted)
    {
        var mentions = ImmutableArray.CreateBuilder<Mention>(text.Tokens.Length + text.Numbers.Length + extracted.Length);
        foreach (var token in text.Tokens)
        {
            var (start, end) = text.ToOriginal(token.Start, token.End);
            mentions.Add(new Mention("token", start, end, text.Original[start..end], token.Kind.ToString().ToLowerInvariant()));
        }
        foreach (var number in text.Numbers)
        {
            var (start, end) = text.ToOriginal(number.Start, number.End);
            mentions.Add(new Mention("number", start, end, text.Original[start..end], number.Value));
        }
        mentions.AddRange(extracted);
        mentions.Sort(static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : string.CompareOrdinal(a.Kind, b.Kind));
        return mentions.DrainToImmutable();
    }
}
