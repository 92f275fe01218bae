using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;
using Sourcing.Attribution.Stages;

namespace Sourcing.Attribution;

/// <summary>
/// Finds attributions in news text: a pipeline of small stages over one document model
/// (normalize, tokens, sentences, quotations, persons, cues, sources, content,
/// classification, coreference, anonymity reasons). Deterministic and thread-safe: the word
/// lists are read-only after loading and each call builds its own document.
/// </summary>
public sealed class AttributionEngine
{
    public const string Version = "1.1.0";

    private readonly WordLists _words;

    /// <summary>An engine over the embedded word lists (loaded once per process and shared).</summary>
    public AttributionEngine()
        : this(WordLists.Instance)
    {
    }

    private AttributionEngine(WordLists words) => _words = words;

    public static AttributionEngine Default { get; } = new(WordLists.Instance);

    public IReadOnlyList<DetectedAttribution> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var doc = Run(text);
        var found = new List<DetectedAttribution>();
        foreach (var c in doc.Candidates)
        {
            if (c.Rejected || c.Mention is not { } m)
            {
                continue;
            }
            found.Add(new DetectedAttribution(
                doc.SpanOf(c.CueFirst, c.CueEnd),
                doc.SpanOf(c.SourceFirst, c.SourceEnd),
                c.Content,
                c.Quote,
                Clean(m.Speaker),
                m.Sourcing,
                m.Entity,
                c.Reason));
        }
        found.Sort((a, b) => a.Cue.Start.CompareTo(b.Cue.Start));
        return found;
    }

    internal Document Run(string text)
    {
        var doc = new Document(text) { Folded = TextNormalizer.Fold(text) };
        Tokenizer.Tokenize(doc, _words);
        SentenceSplitter.Split(doc);
        QuotationFinder.Find(doc);
        PersonFinder.Find(doc, _words);
        CueFinder.Find(doc, _words);
        SourceFinder.Find(doc);
        ContentFinder.Find(doc, _words);
        MentionClassifier.Classify(doc, _words);
        CandidateFilter.Apply(doc);
        Coreference.Resolve(doc);
        AnonymityReasonFinder.Find(doc, _words);
        return doc;
    }

    private static string Clean(string speaker)
    {
        var s = speaker.Trim();
        if (s.EndsWith("’s", StringComparison.Ordinal) || s.EndsWith("'s", StringComparison.Ordinal))
        {
            s = s[..^2];
        }
        return s;
    }
}
