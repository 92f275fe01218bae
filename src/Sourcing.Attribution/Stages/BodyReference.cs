using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Names the body a common-noun mention stands for, for <see cref="Coreference"/>: "the
/// department" is the nearby "Calder City Police Department"; "the company" or "the club" is
/// the organization last quoted, else the one the story's lead names.
/// </summary>
internal static class BodyReference
{
    // "the department" or "police" for "Calder City Police Department": the nearest capitalized
    // name that holds the head word, before the mention or else after it.
    public static string? NamedBody(Document doc, string head, int at)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            var from = pass == 0 ? at - 1 : at + 1;
            var step = pass == 0 ? -1 : 1;
            for (var k = from; k >= 0 && k < doc.Count && Math.Abs(k - at) < 3000; k += step)
            {
                if (!doc.HasShape(k, TokenShape.Capitalized) || !doc.Core(k).Equals(head, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                int first = k, end = k + 1;
                while (first > 0 && (doc.HasShape(first - 1, TokenShape.Capitalized) && !doc.Is(first - 1, "the") || doc.Is(first - 1, "of") && doc.HasShape(first - 2, TokenShape.Capitalized)))
                {
                    first--;
                }
                while (end < doc.Count && (doc.HasShape(end, TokenShape.Capitalized) || doc.Is(end, "of") && doc.HasShape(end + 1, TokenShape.Capitalized)))
                {
                    end++;
                }
                if (end - first >= 2 && doc.Tokens[first].Sentence == doc.Tokens[end - 1].Sentence && !PersonFinder.IsHeadline(doc, doc.SentenceOf(first)))
                {
                    return PersonFinder.NameText(doc, first, end);
                }
            }
        }
        return null;
    }

    public static bool IsBusinessHead(string head) => head is "company" or "firm" or "club" or "team" or "business"
        or "startup" or "retailer" or "carmaker" or "automaker" or "insurer" or "lender" or "airline" or "bank"
        or "utility" or "developer" or "publisher" or "broadcaster" or "group" or "chain" or "manufacturer";

    // The nearest earlier source that is a named organization ("Hollis Foods said ...").
    public static string? LastProperBody(Document doc, Candidate c)
    {
        for (var p = doc.Candidates.IndexOf(c) - 1; p >= 0; p--)
        {
            if (doc.Candidates[p] is { Rejected: false, Mention: { Kind: MentionKind.Organization, Proper: true, Sourcing: SourcingKind.Named } m })
            {
                return m.Speaker;
            }
        }
        return null;
    }

    // The first "the" + capitalized name in the story's opening sentences that is no person:
    // "The Lakeport Mariners beat ...".
    public static string? LeadBody(Document doc)
    {
        var seen = 0;
        foreach (var s in doc.Sentences)
        {
            var last = s.End - 1;
            while (last > s.First && doc.Tokens[last].Kind == TokenKind.LineBreak)
            {
                last--;
            }
            if (PersonFinder.IsHeadline(doc, s) || s.End - s.First < 6 || !doc.IsPunct(last, '.'))
            {
                continue; // headlines, bylines and captions are no lead
            }
            for (var k = Syntax.ContentStart(doc, s); k + 1 < s.End; k++)
            {
                var first = doc.Is(k, "the") ? k + 1 : k;
                if (!doc.HasShape(first, TokenShape.Capitalized) || !doc.HasShape(first + 1, TokenShape.Capitalized) || doc.HasShape(first, TokenShape.AllCaps) && !doc.Has(first, WordClass.OrganizationWord))
                {
                    continue;
                }
                var end = first;
                var body = false;
                while (end < s.End && doc.HasShape(end, TokenShape.Capitalized) && doc.IsWord(end) && !doc.Has(end, WordClass.TimeWord | WordClass.Title))
                {
                    body |= doc.Has(end, WordClass.OrganizationWord);
                    end++;
                }
                var name = PersonFinder.NameText(doc, first, end);
                if (end - first >= 2 && (first > k || body) && !doc.Persons.Names.Contains(name))
                {
                    return name;
                }
                k = end;
            }
            if (++seen == 2)
            {
                break;
            }
        }
        return null;
    }
}
