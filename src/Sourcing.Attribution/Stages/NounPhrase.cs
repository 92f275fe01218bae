using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Shape tests on a source noun phrase for <see cref="MentionClassifier"/>: where its core ends
/// ("two officials | familiar with ..."), which word is its head, and whether it reads as a
/// proper name of a body ("Council of the Northern Union", "Drayton Professional Firefighters").
/// </summary>
internal static class NounPhrase
{
    // A capitalized plural role inside a run of at least three capitalized words ("Drayton
    // Professional Firefighters"), not a title or nationality before a role ("Iraqi Officials").
    public static bool IsProperRun(Document doc, int first, int end)
    {
        if (end - first < 3 || PersonFinder.IsHeadline(doc, doc.SentenceOf(first)))
        {
            return false;
        }
        var role = false;
        for (var k = first; k < end; k++)
        {
            if (k > first + 2 && char.IsDigit(doc.Text[doc.Tokens[k].Start]))
            {
                continue;
            }
            if (!doc.HasShape(k, TokenShape.Capitalized) || doc.Has(k, WordClass.Title | WordClass.Determiner | WordClass.Number)
                || k == first && doc.Has(k, WordClass.Nationality))
            {
                return false;
            }
            role |= doc.Has(k, WordClass.PluralRole) && k > first;
        }
        return role;
    }

    public static bool HasCapitalizedOrganizationWord(Document doc, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (doc.HasShape(k, TokenShape.Capitalized) && doc.Has(k, WordClass.OrganizationWord) && !doc.Has(k, WordClass.Place | WordClass.Nationality))
            {
                return true;
            }
        }
        return false;
    }

    // A capitalized modifier that names something: "Trump administration", "Pentagon press secretary".
    public static bool HasProperModifier(Document doc, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (doc.HasShape(k, TokenShape.Capitalized) && !doc.Has(k, WordClass.Nationality | WordClass.Determiner | WordClass.Title))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>End of the core noun phrase: before "of", "in", "who", "representing", "issued by".</summary>
    public static int CoreEnd(Document doc, WordLists words, int i, int b)
    {
        var k = i;
        while (k < b)
        {
            var title = words.Titles.MatchAt(doc, k, b);
            if (title > 1)
            {
                k += title;
                continue;
            }
            if (k > i && (doc.Has(k, WordClass.Preposition) && !IsNameOf(doc, k, b)
                || doc.Has(k, WordClass.Subordinator) && !doc.Has(k, WordClass.Determiner)
                || doc.Is(k, "that") || doc.Is(k, "familiar") || doc.Is(k, "close") || doc.Is(k, "loyal")
                || Syntax.IsIng(doc, k) && !doc.Has(k + 1, WordClass.OrganizationWord | WordClass.RoleNoun | WordClass.Title | WordClass.DocumentNoun) || Syntax.IsEd(doc, k) && !doc.Has(k - 1, WordClass.Determiner) && !Syntax.IsAdverbial(doc, k - 1)))
            {
                return k;
            }
            k++;
        }
        return b;
    }

    // "Council of the Northern Union", "Ministry of Industry": "of" inside a body's or title's name.
    public static bool IsNameOf(Document doc, int k, int b)
    {
        if (!doc.Is(k, "of") || !doc.HasShape(k - 1, TokenShape.Capitalized) || !doc.Has(k - 1, WordClass.OrganizationWord | WordClass.Title))
        {
            return false;
        }
        var next = doc.Is(k + 1, "the") ? k + 2 : k + 1;
        return next < b && doc.HasShape(next, TokenShape.Capitalized);
    }

    // The last word of the core that names something; else its last word.
    public static int HeadOf(Document doc, int i, int coreEnd)
    {
        const WordClass Nouns = WordClass.RoleNoun | WordClass.OrganizationWord | WordClass.DocumentNoun | WordClass.Title | WordClass.Place;
        for (var k = coreEnd - 1; k >= i; k--)
        {
            if (doc.IsWord(k) && (doc.Has(k, Nouns) || PersonFinder.IsNameToken(doc, k)))
            {
                return k;
            }
        }
        for (var k = coreEnd - 1; k >= i; k--)
        {
            if (doc.IsWord(k))
            {
                return k;
            }
        }
        return Math.Max(i, coreEnd - 1);
    }
}
