using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Classifies a source mention from its words: a person's name (with titles), a title that
/// stands for one person, a role ("two Iraqi officials"), an organization, a place used for
/// its government, a document, or a pronoun; and whether a reader can tell who it is.
/// </summary>
internal static class MentionClassifier
{
    public static void Classify(Document doc, WordLists words)
    {
        foreach (var c in doc.Candidates)
        {
            if (!c.Rejected)
            {
                c.Mention = Classify(doc, words, c.SourceFirst, c.SourceEnd);
            }
        }
    }

    public static Mention Classify(Document doc, WordLists words, int first, int end)
    {
        Mention? best = null;
        var a = first;
        for (var k = first; k <= end; k++)
        {
            if (k < end && !doc.IsPunct(k, ','))
            {
                continue;
            }
            if (k > a)
            {
                var part = Part(doc, words, a, k);
                if (best is null || Rank(part) > Rank(best))
                {
                    best = part;
                }
            }
            a = k + 1;
        }
        return best ?? new Mention { Kind = MentionKind.Unknown, Entity = EntityKind.Person, Sourcing = SourcingKind.Anonymous, Speaker = doc.TextOf(first, end) };
    }

    private static int Rank(Mention m) => m.Kind switch
    {
        MentionKind.PersonName => 5,
        MentionKind.ShortName => 4,
        MentionKind.Title => 3,
        MentionKind.Unknown => 0,
        _ => 2,
    };

    private static Mention Part(Document doc, WordLists words, int a, int b)
    {
        while (a < b && (doc.Is(a, "and") || doc.Is(a, "but") || !doc.IsWord(a)))
        {
            a++;
        }
        while (b > a && !doc.IsWord(b - 1))
        {
            b--;
        }
        var m = new Mention();
        if (a >= b)
        {
            return m;
        }
        if (b - a == 1 && doc.Has(a, WordClass.Pronoun) && !doc.HasShape(a, TokenShape.Possessive))
        {
            m.Kind = MentionKind.Pronoun;
            m.Head = doc.Span(a).ToString().ToLowerInvariant();
            m.Speaker = doc.Span(a).ToString();
            m.Plural = m.Head is "they" or "them" or "we";
            return m;
        }
        var tail = b;
        while (tail > a && (PersonFinder.IsNameToken(doc, tail - 1) || doc.Has(tail - 1, WordClass.Particle) && doc.IsLower(tail - 1) && tail < b))
        {
            tail--;
        }
        for (var k = tail; k < b - 2; k++)
        {
            if (words.Titles.MatchEndingAt(doc, k, a) > 1)
            {
                tail = k + 1; // "... for Policy Maria Lopez": "Policy" ends the title
            }
        }
        var afterBodyWord = tail > a && doc.IsLower(tail - 1) && doc.Has(tail - 1, WordClass.OrganizationWord) && !doc.Has(tail - 1, WordClass.Title);
        if (!afterBodyWord && (b - tail >= 4 || b - tail >= 2 && !doc.Has(tail - 1, WordClass.Preposition) && !doc.Has(b, WordClass.OrganizationWord)
            && !doc.HasShape(tail - 1, TokenShape.Possessive) || b - tail >= 2 && tail == a))
        {
            return new Mention
            {
                Kind = MentionKind.PersonName,
                Entity = EntityKind.Person,
                Sourcing = SourcingKind.Named,
                Speaker = PersonFinder.NameText(doc, b - tail > 3 ? b - 2 : tail, b),
                Head = Lower(doc, b - 1),
            };
        }
        if (doc.Is(a, "one") && doc.Is(a + 1, "of") && b - a <= 4 && (doc.Is(a + 2, "them") || doc.Is(a + 2, "those") || doc.Is(a + 2, "the")))
        {
            m.Kind = MentionKind.Pronoun;
            m.Head = "they";
            m.Speaker = doc.TextOf(a, b);
            m.Plural = true;
            return m;
        }
        var i = a;
        var modifiers = new List<string>();
        while (i < b - 1 && (doc.Has(i, WordClass.Determiner) || doc.Has(i, WordClass.Number) || doc.Tokens[i].Kind == TokenKind.Number))
        {
            if (doc.Is(i, "the") || doc.Is(i, "this") || doc.Is(i, "these") || doc.Is(i, "both") || doc.Is(i, "its") || doc.Is(i, "their") || doc.Is(i, "his") || doc.Is(i, "her"))
            {
                m.Definite = true;
            }
            else if (!doc.Is(i, "all"))
            {
                m.Indefinite = true;
            }
            if (!doc.Is(i, "the") && !doc.Is(i, "a") && !doc.Is(i, "an"))
            {
                modifiers.Add(Lower(doc, i));
            }
            i++;
        }
        var coreEnd = NounPhrase.CoreEnd(doc, words, i, b);
        var head = NounPhrase.HeadOf(doc, i, coreEnd);
        var speakerFirst = i;
        for (var k = i; k < head; k++)
        {
            modifiers.Add(Lower(doc, k));
            if (doc.HasShape(k, TokenShape.Possessive) || doc.Has(k, WordClass.Nationality | WordClass.Place))
            {
                m.Qualified = true;
            }
        }
        m.Modifiers = [.. modifiers];
        m.Head = Lower(doc, head);
        m.Speaker = doc.TextOf(doc.Is(a, "the") ? a + 1 : a, b);
        if (NounPhrase.IsProperRun(doc, i, coreEnd) || NounPhrase.IsNameOf(doc, i + 1, coreEnd) && doc.Has(i, WordClass.OrganizationWord))
        {
            // "Drayton Professional Firefighters Local 41", "United Steelworkers": a body's name.
            m.Kind = MentionKind.Organization;
            m.Entity = EntityKind.Organization;
            m.Sourcing = SourcingKind.Named;
            m.Proper = true;
            m.Speaker = doc.TextOf(i, coreEnd);
            return m;
        }
        if (doc.HasShape(head, TokenShape.Capitalized) && !PersonFinder.IsNameToken(doc, head) && NounPhrase.HasCapitalizedOrganizationWord(doc, i, coreEnd) && !doc.Has(head, WordClass.DocumentNoun))
        {
            m.Kind = MentionKind.Organization;
            m.Entity = EntityKind.Organization;
            m.Sourcing = SourcingKind.Named;
            m.Proper = true;
            m.Speaker = doc.TextOf(doc.Is(a, "the") || doc.Is(a, "The") ? a + 1 : i, coreEnd);
            return m;
        }
        if (PersonFinder.IsNameToken(doc, head))
        {
            var r = head;
            while (r > i && (PersonFinder.IsNameToken(doc, r - 1) || doc.Has(r - 1, WordClass.Particle) && doc.IsLower(r - 1)) && !doc.HasShape(r - 1, TokenShape.Possessive))
            {
                r--;
            }
            var runEnd = PersonFinder.NameRunEnd(doc, r, coreEnd);
            m.Entity = EntityKind.Person;
            m.Sourcing = SourcingKind.Named;
            m.Speaker = PersonFinder.NameText(doc, r, Math.Max(runEnd, head + 1));
            if (r > i && doc.Has(r - 1, WordClass.OrganizationWord) && !doc.Has(r - 1, WordClass.Title))
            {
                m.Kind = MentionKind.Organization;
                m.Entity = EntityKind.Organization;
                m.Proper = true;
            }
            else if (head + 1 - r >= 2)
            {
                m.Kind = MentionKind.PersonName;
            }
            else if (doc.HasShape(head, TokenShape.AllCaps))
            {
                m.Kind = MentionKind.Organization;
                m.Entity = EntityKind.Organization;
            }
            else
            {
                m.Kind = MentionKind.ShortName;
            }
            return m;
        }
        var title = words.UniqueTitles.MatchEndingAt(doc, head, i);
        var cls = doc.Tokens[head].Class;
        if ((cls & WordClass.DocumentNoun) != 0 && (cls & WordClass.Medium) == 0 || (cls & WordClass.DocumentNoun) != 0 && !doc.IsLower(head))
        {
            m.Kind = MentionKind.Document;
            m.Entity = EntityKind.Document;
            m.Sourcing = SourcingKind.Named;
            m.Plural = m.Head.EndsWith('s');
            m.Speaker = doc.TextOf(speakerFirst, coreEnd);
            return m;
        }
        if ((cls & WordClass.DocumentNoun) != 0)
        {
            m.Kind = MentionKind.Document;
            m.Entity = EntityKind.Document;
            m.Sourcing = SourcingKind.Named;
            m.Speaker = doc.TextOf(speakerFirst, coreEnd);
            return m;
        }
        if (title > 0 && (cls & WordClass.PluralRole) == 0)
        {
            m.Kind = MentionKind.Title;
            m.Entity = EntityKind.Person;
            m.TitleKey = PersonFinder.TitleKey(doc, words, head - title + 1, head + 1);
            var qualified = m.Definite || m.Qualified || NounPhrase.HasProperModifier(doc, i, head - title + 1);
            m.Sourcing = qualified && !m.Indefinite ? SourcingKind.Named : SourcingKind.Anonymous;
            m.Speaker = doc.TextOf(speakerFirst, b);
            return m;
        }
        if ((cls & WordClass.OrganizationWord) != 0 || (cls & WordClass.Place) != 0 || words.Places.MatchEndingAt(doc, head, i) > 0)
        {
            return Organization(doc, words, m, i, head, coreEnd, b, cls);
        }
        if ((cls & WordClass.RoleNoun) != 0)
        {
            m.Kind = MentionKind.Role;
            m.Plural = (cls & WordClass.PluralRole) != 0;
            m.Entity = m.Plural ? EntityKind.Group : EntityKind.Person;
            m.Sourcing = SourcingKind.Anonymous;
            return m;
        }
        m.Kind = MentionKind.Unknown;
        m.Plural = m.Head.EndsWith('s');
        m.Entity = m.Plural ? EntityKind.Group : EntityKind.Person;
        m.Sourcing = SourcingKind.Anonymous;
        return m;
    }

    private static Mention Organization(Document doc, WordLists words, Mention m, int i, int head, int coreEnd, int b, WordClass cls)
    {
        m.Kind = (cls & WordClass.Place) != 0 ? MentionKind.Place : MentionKind.Organization;
        m.Entity = EntityKind.Organization;
        m.Plural = m.Head.EndsWith('s') && (cls & WordClass.Place) == 0 && !doc.HasShape(head, TokenShape.Capitalized);
        // "a group of lawmakers" is a group of people; "a group of Shiite militias" a body.
        if (doc.Is(coreEnd, "of") && (m.Head is "group" or "number" or "handful" or "team" or "delegation") && coreEnd + 1 < b)
        {
            var inner = Part(doc, words, coreEnd + 1, b);
            if (inner.Kind == MentionKind.Role)
            {
                m.Kind = MentionKind.Role;
                m.Entity = EntityKind.Group;
                m.Plural = true;
                m.Sourcing = SourcingKind.Anonymous;
                return m;
            }
        }
        var generic = (cls & WordClass.GenericOrganization) != 0 && !doc.HasShape(head, TokenShape.Capitalized);
        var proper = NounPhrase.HasProperModifier(doc, i, head) || doc.HasShape(head, TokenShape.Capitalized);
        var named = !generic || proper || m.Definite && !m.Plural;
        m.Proper = proper;
        m.Sourcing = named ? SourcingKind.Named : SourcingKind.Anonymous;
        if (named)
        {
            m.Speaker = doc.TextOf(doc.Is(i, "the") ? i + 1 : i, coreEnd);
            if (m.Head is "countries" or "sides" && m.Definite)
            {
                m.Speaker = doc.TextOf(i, coreEnd);
            }
        }
        return m;
    }

    private static string Lower(Document doc, int i) => doc.Core(i).ToString().ToLowerInvariant();
}
