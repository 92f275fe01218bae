using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Finds cue words: speech verbs in any form with their particles ("called for"), "according
/// to", and the phrases around them ("said in a statement", "issued a statement demanding").
/// Skips cues inside quotations, infinitives ("declined to comment"), negated and passive
/// verbs, and nouns that look like verbs ("its repeated calls").
/// </summary>
internal static class CueFinder
{
    public static void Find(Document doc, WordLists words)
    {
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            for (var i = sentence.First; i < sentence.End; i++)
            {
                if (!doc.IsWord(i) || doc.Tokens[i].Quote >= 0)
                {
                    continue;
                }
                if (doc.Is(i, "according") && doc.Is(i + 1, "to"))
                {
                    doc.Candidates.Add(new Candidate { CueFirst = i, CueEnd = i + 2, Sentence = s, Frame = CueFrame.AccordingTo });
                    i++;
                    continue;
                }
                if (!doc.Has(i, WordClass.CueForm) || words.CuesOf(doc.Span(i)) is not { } verbs)
                {
                    continue;
                }
                var verb = Pick(doc, verbs, i, sentence.End, out var cueEnd);
                if (verb is null || !IsVerbUse(doc, i, sentence.First))
                {
                    continue;
                }
                var candidate = new Candidate
                {
                    CueFirst = i,
                    CueEnd = cueEnd,
                    Sentence = s,
                    Verb = verb,
                    Frame = verb.Frame,
                    IsParticiple = Syntax.IsIng(doc, i),
                };
                Extend(doc, candidate, sentence);
                doc.Candidates.Add(candidate);
                i = cueEnd - 1;
            }
        }
    }

    private static CueVerb? Pick(Document doc, CueVerb[] verbs, int i, int limit, out int cueEnd)
    {
        foreach (var verb in verbs)
        {
            if (verb.Particle.Length == 0)
            {
                cueEnd = i + 1;
                return verb;
            }
            var particles = verb.Particle.Split(' ');
            var ok = true;
            for (var k = 0; k < particles.Length && ok; k++)
            {
                ok = i + 1 + k < limit && doc.Is(i + 1 + k, particles[k]);
            }
            if (ok)
            {
                cueEnd = i + 1 + particles.Length;
                return verb;
            }
        }
        cueEnd = i + 1;
        return null;
    }

    private static bool IsVerbUse(Document doc, int i, int first)
    {
        if (!doc.IsLower(i) && !(i == first || doc.HasShape(i, TokenShape.Capitalized) && PersonFinder.IsHeadline(doc, doc.SentenceOf(i))))
        {
            return false; // a capitalized cue word mid-sentence is a name or a title
        }
        if (doc.Span(i).EndsWith("s", StringComparison.OrdinalIgnoreCase) && Syntax.IsVerbLike(doc, i + 1))
        {
            return false; // "questions remain", "reports suggest": a plural noun before its verb
        }
        var p = i - 1;
        while (p >= first && (doc.Is(p, "also") || doc.Is(p, "later") || doc.Is(p, "then") || doc.Is(p, "again") || Syntax.EndsWith(doc, p, "ly") && doc.IsLower(p)))
        {
            p--;
        }
        if (p < first)
        {
            return true;
        }
        if (doc.Has(p, WordClass.Subordinator) && !doc.Is(p, "that") && !doc.Is(p, "who") && !doc.Is(p, "which") && !Syntax.IsIng(doc, i))
        {
            return false; // "as demand cools": a noun after a conjunction
        }
        if (doc.Has(p, WordClass.Preposition) && !doc.Is(p, "as") || doc.Has(p, WordClass.Negation) || doc.Span(p).EndsWith("n't", StringComparison.OrdinalIgnoreCase) || doc.Span(p).EndsWith("n\u2019t", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (doc.Has(p, WordClass.Passive) && !Syntax.IsIng(doc, i))
        {
            return false; // "was told", "were asked"
        }
        if (doc.Has(p, WordClass.Determiner) && !doc.Is(p, "that") && !doc.Is(p, "all") && !doc.Is(p, "both") && !doc.Is(p, "some") && !doc.Is(p, "many") && !doc.Is(p, "several") && !doc.Is(p, "few"))
        {
            return false; // "the report", "its calls"
        }
        if (doc.HasShape(p, TokenShape.Possessive) || Syntax.IsEd(doc, p) && doc.Has(p - 1, WordClass.Determiner) && !doc.Is(p - 1, "that"))
        {
            return false; // "Iran’s demands", "its repeated calls"
        }
        return true;
    }

    private static void Extend(Document doc, Candidate c, Sentence s)
    {
        // "said in a statement": the medium belongs to the cue.
        var k = c.CueEnd;
        if (doc.Is(k, "in") && (doc.Is(k + 1, "a") || doc.Is(k + 1, "an")))
        {
            var m = k + 2;
            if (doc.IsLower(m) && !doc.Has(m, WordClass.Medium))
            {
                m++;
            }
            if (doc.Is(m, "statement"))
            {
                c.CueEnd = m + 1;
            }
        }
        // "issued a statement demanding": the issuing belongs to the cue.
        if (c.IsParticiple && doc.Has(c.CueFirst - 1, WordClass.DocumentNoun))
        {
            var d = c.CueFirst - 1;
            var v = d - 1;
            while (v > s.First && (doc.Has(v, WordClass.Determiner) || doc.IsLower(v) && !Syntax.IsVerbLike(doc, v)) && v > d - 3)
            {
                v--;
            }
            if (Syntax.IsVerbLike(doc, v) && (doc.Is(v, "issued") || doc.Is(v, "released") || doc.Is(v, "published") || doc.Is(v, "put") || doc.Is(v, "sent") || doc.Is(v, "posted")))
            {
                c.CueFirst = v;
                c.IsParticiple = false;
            }
        }
    }
}
