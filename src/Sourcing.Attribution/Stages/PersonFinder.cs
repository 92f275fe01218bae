using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Finds the persons a document names ("Pentagon spokesperson John Kirby", "Randa Slim,
/// director of ...") with the titles written next to them, so that later mentions by short
/// name, title or pronoun can be resolved. Title-case headlines are skipped.
/// </summary>
internal static class PersonFinder
{
    private const WordClass NotName =
        WordClass.Determiner | WordClass.Pronoun | WordClass.Preposition | WordClass.Subordinator |
        WordClass.Coordinator | WordClass.Auxiliary | WordClass.TimeWord | WordClass.Title |
        WordClass.OrganizationWord | WordClass.DocumentNoun | WordClass.Place | WordClass.Nationality |
        WordClass.RoleNoun | WordClass.CueForm | WordClass.Verb | WordClass.Number | WordClass.Adverb;

    public static void Find(Document doc, WordLists words)
    {
        foreach (var s in doc.Sentences)
        {
            if (IsHeadline(doc, s))
            {
                continue;
            }
            var i = s.First;
            while (i < s.End)
            {
                var end = NameRunEnd(doc, i, s.End);
                if ((end - i >= 4 || end - i >= 2 && !doc.Is(i - 1, "the") && !doc.Is(i - 1, "at") && !doc.Is(i - 1, "from") && !doc.Is(i - 1, "of") && !doc.Is(i - 1, "for") && !doc.Is(i - 1, "in")) && !(doc.Has(end, WordClass.OrganizationWord) && doc.HasShape(end, TokenShape.Capitalized)))
                {
                    var name = NameText(doc, end - i > 3 ? end - 2 : i, end);
                    doc.Persons.AddMention(i, name);
                    doc.Persons.SetGender(name, GenderAt(doc, words, i));
                    AddTitlesBefore(doc, words, i, s.First, name);
                    AddTitleAfter(doc, words, end, s.End, name);
                    i = end;
                    continue;
                }
                i = Math.Max(end, i + 1);
            }
        }
        foreach (var s in doc.Sentences)
        {
            if (IsHeadline(doc, s))
            {
                continue;
            }
            for (var i = s.First; i < s.End; i++)
            {
                if (IsNameToken(doc, i) && !IsNameToken(doc, i - 1) && !IsNameToken(doc, i + 1)
                    && doc.Persons.ResolveShort(doc.Core(i).ToString(), i) is { } full)
                {
                    doc.Persons.AddMention(i, full);
                    doc.Persons.SetGender(full, GenderOfTitle(doc, i - 1));
                }
            }
        }
    }

    /// <summary>The gender a name signals: by the title before it ("Ms", "Mr"), else by its given name.</summary>
    public static Gender GenderAt(Document doc, WordLists words, int nameStart)
    {
        var byTitle = GenderOfTitle(doc, nameStart - 1);
        return byTitle != Gender.Unknown ? byTitle : words.GenderOfGivenName(doc.Core(nameStart));
    }

    /// <summary>"Mr", "Sir", "Congressman" signal a man; "Ms", "Mrs", "Councilwoman" a woman.</summary>
    public static Gender GenderOfTitle(Document doc, int i)
    {
        if (!doc.IsWord(i))
        {
            return Gender.Unknown;
        }
        var w = doc.Core(i).TrimEnd('.');
        if (w.Equals("mr", StringComparison.OrdinalIgnoreCase) || w.Equals("sir", StringComparison.OrdinalIgnoreCase) || w.Equals("lord", StringComparison.OrdinalIgnoreCase))
        {
            return Gender.Male;
        }
        if (w.Equals("ms", StringComparison.OrdinalIgnoreCase) || w.Equals("mrs", StringComparison.OrdinalIgnoreCase) || w.Equals("miss", StringComparison.OrdinalIgnoreCase)
            || w.Equals("dame", StringComparison.OrdinalIgnoreCase) || w.Equals("lady", StringComparison.OrdinalIgnoreCase))
        {
            return Gender.Female;
        }
        if (w.Length > 5 && w.EndsWith("woman", StringComparison.OrdinalIgnoreCase))
        {
            return Gender.Female;
        }
        return w.Length > 3 && w.EndsWith("man", StringComparison.OrdinalIgnoreCase) && doc.Has(i, WordClass.Title) ? Gender.Male : Gender.Unknown;
    }

    /// <summary>Whether a token can be part of a person's name.</summary>
    public static bool IsNameToken(Document doc, int i) =>
        doc.IsWord(i) && doc.Tokens[i].Kind == TokenKind.Word && doc.HasShape(i, TokenShape.NameLike)
        && (doc.Tokens[i].Class & NotName) == 0;

    /// <summary>End (exclusive) of the run of name tokens starting at i; particles may sit inside.</summary>
    public static int NameRunEnd(Document doc, int i, int limit)
    {
        var j = i;
        while (j < limit)
        {
            if (IsNameToken(doc, j))
            {
                j++;
                if (doc.HasShape(j - 1, TokenShape.Possessive))
                {
                    break;
                }
                continue;
            }
            if (j > i && doc.Has(j, WordClass.Particle) && doc.IsLower(j) && IsNameToken(doc, j + 1))
            {
                j++;
                continue;
            }
            break;
        }
        return j;
    }

    public static string NameText(Document doc, int first, int end)
    {
        var text = doc.TextOf(first, end);
        return doc.HasShape(end - 1, TokenShape.Possessive) ? text[..^(doc.Span(end - 1).Length - doc.Core(end - 1).Length)] : text;
    }

    public static string TitleKey(Document doc, WordLists words, int first, int end)
    {
        var key = doc.TextOf(first, end).ToLowerInvariant().Replace('\u2019', '\'');
        return words.TitleSynonyms.TryGetValue(key, out var canonical) ? canonical : key.TrimEnd('.');
    }

    public static bool IsHeadline(Document doc, Sentence s)
    {
        int words = 0, capitalized = 0;
        for (var i = s.First; i < s.End; i++)
        {
            if (doc.Tokens[i].Kind == TokenKind.Word && doc.Tokens[i].End - doc.Tokens[i].Start > 3)
            {
                words++;
                if (doc.HasShape(i, TokenShape.Capitalized))
                {
                    capitalized++;
                }
            }
        }
        var alone = (s.First == 0 || doc.Tokens[s.First - 1].Kind == TokenKind.LineBreak)
            && (s.End >= doc.Count || doc.Tokens[s.End - 1].Kind == TokenKind.LineBreak || doc.Tokens[s.End].Kind == TokenKind.LineBreak)
            && !doc.IsPunct(s.End - 1, '.');
        return alone && words >= 3 && capitalized * 5 >= words * 4;
    }

    private static void AddTitlesBefore(Document doc, WordLists words, int nameStart, int floor, string name)
    {
        var t = nameStart - 1;
        while (t >= floor)
        {
            var length = words.Titles.MatchEndingAt(doc, t, floor);
            if (length == 0)
            {
                return;
            }
            doc.Persons.AddTitle(nameStart, TitleKey(doc, words, t - length + 1, t + 1), name);
            t -= length;
        }
    }

    private static void AddTitleAfter(Document doc, WordLists words, int nameEnd, int limit, string name)
    {
        if (!doc.IsPunct(nameEnd, ','))
        {
            return;
        }
        var k = nameEnd + 1;
        while (k < limit && (doc.Has(k, WordClass.Determiner) || doc.Has(k, WordClass.Place | WordClass.Nationality) || doc.HasShape(k, TokenShape.Possessive)))
        {
            k++;
        }
        var length = words.Titles.MatchAt(doc, k, limit);
        if (length > 0)
        {
            doc.Persons.AddTitle(nameEnd, TitleKey(doc, words, k, k + length), name);
        }
    }
}
