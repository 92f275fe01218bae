using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Finds the reasons an article gives for anonymity ("spoke on condition of anonymity
/// because they were not authorized to talk to reporters", "who requested anonymity to
/// discuss private talks") and links each to the anonymous sources it covers: those of the
/// same sentence, or those named by the subject of a later sentence ("The two Iraqi
/// officials and the Shiite politician all spoke ..."), with every other mention of them.
/// </summary>
internal static class AnonymityReasonFinder
{
    public static void Find(Document doc, WordLists words)
    {
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            for (var i = sentence.First; i < sentence.End; i++)
            {
                if (doc.Tokens[i].Quote >= 0)
                {
                    continue;
                }
                var length = words.AnonymityPhrases.MatchAt(doc, i, sentence.End);
                if (length == 0)
                {
                    continue;
                }
                var reason = ReasonSpan(doc, words, i, length, sentence);
                if (reason is { } r)
                {
                    Attach(doc, words, s, i, r);
                }
                i += length - 1;
                if (reason is { } span)
                {
                    while (i + 1 < sentence.End && doc.Tokens[i + 1].Start < span.End)
                    {
                        i++; // the reason's own "not authorized to" is not a second reason
                    }
                }
            }
        }
    }

    private static TextSpan? ReasonSpan(Document doc, WordLists words, int at, int length, Sentence s)
    {
        var k = at + length;
        int first;
        if (doc.Is(k - 1, "to") || doc.Is(at, "not"))
        {
            // "not authorized to speak publicly" is itself the reason.
            first = at;
            var back = at - 1;
            while (back > s.First && back >= at - 4 && !doc.Has(back, WordClass.ReasonMarker))
            {
                back--;
            }
            if (doc.Has(back, WordClass.ReasonMarker) && !doc.Is(back, "to"))
            {
                first = back;
            }
        }
        else
        {
            if (doc.IsPunct(k, ','))
            {
                k++;
            }
            if (!doc.Has(k, WordClass.ReasonMarker))
            {
                return null;
            }
            first = k;
        }
        var end = first + 1;
        while (end < s.End && !Syntax.IsTerminal(doc, end) && doc.Tokens[end].Kind != TokenKind.QuoteMark
               && !(doc.IsPunct(end, ',') && (doc.Has(end + 1, WordClass.CueForm) || doc.Has(end + 1, WordClass.Determiner) || doc.Is(end + 1, "and")))
               && !doc.IsPunct(end, ')') && !(doc.Has(end, WordClass.CueForm) && !doc.Is(end - 1, "to") && Syntax.IsVerbLike(doc, end)))
        {
            end++;
        }
        while (end > first + 1 && !doc.IsWord(end - 1))
        {
            end--;
        }
        return doc.SpanOf(first, end);
    }

    private static void Attach(Document doc, WordLists words, int sentence, int at, TextSpan reason)
    {
        var local = doc.Candidates.Where(c => !c.Rejected && c.Sentence == sentence && IsAnonymous(c)).ToList();
        if (local.Count > 0)
        {
            foreach (var c in local)
            {
                AttachToEntity(doc, c.Mention!.EntityId, reason);
            }
            return;
        }
        var s = doc.Sentences[sentence];
        var subjectEnd = at;
        while (subjectEnd > s.First && (Syntax.IsVerbLike(doc, subjectEnd - 1) || doc.Is(subjectEnd - 1, "all") || doc.Is(subjectEnd - 1, "both")
               || doc.IsLower(subjectEnd - 1) && !doc.Has(subjectEnd - 1, WordClass.RoleNoun) && doc.Has(subjectEnd - 1, WordClass.Auxiliary | WordClass.Verb | WordClass.CueForm)
               || doc.Is(subjectEnd - 1, "spoke") || doc.Is(subjectEnd - 1, "talked") || doc.Is(subjectEnd - 1, "agreed")))
        {
            subjectEnd--;
        }
        var first = Syntax.ContentStart(doc, s);
        if (subjectEnd <= first)
        {
            Nearest(doc, sentence, plural: null, reason, doc.Is(first, "both") ? 2 : int.MaxValue);
            return;
        }
        var matched = false;
        var a = first;
        for (var k = first; k <= subjectEnd; k++)
        {
            if (k < subjectEnd && !doc.Is(k, "and") && !doc.IsPunct(k, ','))
            {
                continue;
            }
            if (k > a)
            {
                var mention = MentionClassifier.Classify(doc, words, a, k);
                matched |= Match(doc, mention, sentence, reason);
            }
            a = k + 1;
        }
        if (!matched)
        {
            var subject = doc.Span(first);
            bool? plural = subject.Equals("they", StringComparison.OrdinalIgnoreCase) ? true
                : subject.Equals("he", StringComparison.OrdinalIgnoreCase) || subject.Equals("she", StringComparison.OrdinalIgnoreCase) ? false : null;
            Nearest(doc, sentence, plural, reason, subject.Equals("both", StringComparison.OrdinalIgnoreCase) ? 2 : int.MaxValue);
        }
    }

    // "They spoke on condition of anonymity ...": the anonymous sources of the nearest sentences
    // before, those of the right number when the subject is a pronoun.
    private static void Nearest(Document doc, int sentence, bool? plural, TextSpan reason, int most)
    {
        var entities = new HashSet<int>();
        for (var s = sentence - 1; s >= 0 && s >= sentence - 3 && entities.Count < most; s--)
        {
            for (var n = doc.Candidates.Count - 1; n >= 0 && entities.Count < most; n--)
            {
                var c = doc.Candidates[n];
                if (!c.Rejected && c.Sentence == s && IsAnonymous(c) && !IsNested(doc, c)
                    && (plural is null || c.Mention!.Plural == plural || c.Mention!.Entity == EntityKind.Group == plural)
                    && entities.Add(c.Mention!.EntityId))
                {
                    AttachToEntity(doc, c.Mention!.EntityId, reason);
                }
            }
            if (entities.Count > 0 && most == int.MaxValue)
            {
                return;
            }
        }
    }

    // A cue inside another attribution's content reports what someone else said they said.
    private static bool IsNested(Document doc, Candidate c)
    {
        var at = doc.Tokens[c.CueFirst].Start;
        foreach (var other in doc.Candidates)
        {
            if (other != c && !other.Rejected && other.Sentence == c.Sentence && other.Content.Start <= at && at < other.Content.End)
            {
                return true;
            }
        }
        return false;
    }

    private static bool Match(Document doc, Mention mention, int sentence, TextSpan reason)
    {
        if (mention.Kind is MentionKind.Pronoun)
        {
            return false;
        }
        var best = -1;
        foreach (var c in doc.Candidates)
        {
            if (!c.Rejected && IsAnonymous(c) && Coreference.Refers(mention, c.Mention!) && (c.Sentence <= sentence || best < 0))
            {
                best = c.Mention!.EntityId;
            }
        }
        if (best < 0)
        {
            return false;
        }
        AttachToEntity(doc, best, reason);
        return true;
    }

    private static bool IsAnonymous(Candidate c) => c.Mention is { Sourcing: SourcingKind.Anonymous };

    private static void AttachToEntity(Document doc, int entity, TextSpan reason)
    {
        foreach (var c in doc.Candidates)
        {
            if (!c.Rejected && c.Mention is { } m && m.EntityId == entity && m.Sourcing == SourcingKind.Anonymous && c.Reason is null)
            {
                c.Reason = reason;
            }
        }
    }
}
