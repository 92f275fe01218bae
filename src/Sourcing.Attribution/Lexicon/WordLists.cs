using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Lexicon;

/// <summary>
/// Every word list the engine uses, loaded once from the embedded data files and then only
/// read, so one instance is shared by all threads.
/// </summary>
internal sealed class WordLists
{
    private static readonly Lazy<WordLists> Shared = new(() => new WordLists(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, WordClass> _classes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, WordClass>.AlternateLookup<ReadOnlySpan<char>> _classLookup;
    private readonly Dictionary<string, CueVerb[]> _cues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CueVerb[]>.AlternateLookup<ReadOnlySpan<char>> _cueLookup;
    private readonly Dictionary<string, string> _singularOf = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _companyWords = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _companyLookup;
    private readonly Dictionary<string, Gender> _givenNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Gender>.AlternateLookup<ReadOnlySpan<char>> _givenLookup;

    private WordLists()
    {
        LoadFunctionWords();
        Add(ResourceText.Lines("time-words.txt"), WordClass.TimeWord);
        Add(ResourceText.Lines("abbreviations.txt").Select(a => a + "."), WordClass.Abbreviation);
        Add(ResourceText.Lines("nationalities.txt"), WordClass.Nationality);
        Add(ResourceText.Lines("document-nouns.txt"), WordClass.DocumentNoun);
        Add(ResourceText.Lines("reason-markers.txt"), WordClass.ReasonMarker);
        Add(ResourceText.Lines("verbs.txt").SelectMany(Words), WordClass.Verb);
        Add(ResourceText.Lines("threat-contents.txt"), WordClass.ThreatContent);
        TitleSynonyms = ResourceText.Lines("title-synonyms.txt")
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries))
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        foreach (var line in ResourceText.Lines("organization-words.txt"))
        {
            var generic = line.StartsWith('~');
            Add([generic ? line[1..] : line], WordClass.OrganizationWord | (generic ? WordClass.GenericOrganization : 0));
        }
        foreach (var line in ResourceText.Lines("role-nouns.txt"))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            Add([parts[0]], WordClass.RoleNoun);
            Add([parts[1]], WordClass.RoleNoun | WordClass.PluralRole);
            _singularOf[parts[1]] = parts[0];
        }
        var titles = ResourceText.Lines("titles.txt").ToList();
        Titles = new PhraseSet(titles.Select(t => t.TrimStart('*')));
        UniqueTitles = new PhraseSet(titles.Where(t => t.StartsWith('*')).Select(t => t[1..]));
        foreach (var title in titles.Where(t => !t.Contains(' ')))
        {
            Add([title.TrimStart('*')], WordClass.Title | (title.StartsWith('*') ? WordClass.UniqueTitle : 0));
        }
        var places = ResourceText.Lines("places.txt").ToList();
        Places = new PhraseSet(places);
        Add(places.Where(p => !p.Contains(' ')), WordClass.Place);
        AnonymityPhrases = new PhraseSet(ResourceText.Lines("anonymity-phrases.txt"));
        var stops = ResourceText.Lines("content-stops.txt").ToList();
        ContentStops = new PhraseSet(stops);
        LoadCues();
        foreach (var line in ResourceText.Lines("company-words.txt"))
        {
            _companyWords.UnionWith(Words(line));
        }
        LoadGivenNames();
        _companyLookup = _companyWords.GetAlternateLookup<ReadOnlySpan<char>>();
        _givenLookup = _givenNames.GetAlternateLookup<ReadOnlySpan<char>>();
        _classLookup = _classes.GetAlternateLookup<ReadOnlySpan<char>>();
        _cueLookup = _cues.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static WordLists Instance => Shared.Value;

    public PhraseSet Titles { get; }

    /// <summary>Other spellings of a title, keyed by spelling: "pm" gives "prime minister".</summary>
    public Dictionary<string, string> TitleSynonyms { get; }

    public PhraseSet UniqueTitles { get; }

    public PhraseSet Places { get; }

    public PhraseSet AnonymityPhrases { get; }

    public PhraseSet ContentStops { get; }

    public WordClass ClassOf(ReadOnlySpan<char> word) =>
        _classLookup.TryGetValue(word, out var c) ? c : WordClass.None;

    public CueVerb[]? CuesOf(ReadOnlySpan<char> word) =>
        _cueLookup.TryGetValue(word, out var c) ? c : null;

    /// <summary>Whether a capitalized word ends a company's or body's name ("Foods", "Power").</summary>
    public bool IsCompanyWord(ReadOnlySpan<char> word) => _companyLookup.Contains(word);

    /// <summary>The gender a given name usually signals; Unknown when unlisted or used for both.</summary>
    public Gender GenderOfGivenName(ReadOnlySpan<char> name) =>
        _givenLookup.TryGetValue(name, out var g) ? g : Gender.Unknown;

    public string SingularOf(string plural) =>
        _singularOf.TryGetValue(plural, out var s) ? s : plural;

    private void LoadFunctionWords()
    {
        var section = WordClass.None;
        foreach (var line in ResourceText.Lines("function-words.txt"))
        {
            if (line.StartsWith('['))
            {
                section = line.Trim('[', ']') switch
                {
                    "determiner" => WordClass.Determiner,
                    "pronoun" => WordClass.Pronoun,
                    "preposition" => WordClass.Preposition,
                    "subordinator" => WordClass.Subordinator,
                    "coordinator" => WordClass.Coordinator,
                    "auxiliary" => WordClass.Auxiliary,
                    "negation" => WordClass.Negation,
                    "number" => WordClass.Number,
                    "passive" => WordClass.Passive,
                    "particle" => WordClass.Particle,
                    "adverb" => WordClass.Adverb,
                    "addressee" => WordClass.Addressee,
                    "medium" => WordClass.Medium,
                    "clausestart" => WordClass.ClauseStart,
                    var other => throw new InvalidOperationException($"Unknown section {other}."),
                };
                continue;
            }
            Add(Words(line), section);
        }
    }

    private void LoadGivenNames()
    {
        var gender = Gender.Unknown;
        foreach (var line in ResourceText.Lines("given-names.txt"))
        {
            if (line.StartsWith('['))
            {
                gender = line == "[female]" ? Gender.Female : line == "[male]" ? Gender.Male
                    : throw new InvalidOperationException($"Unknown section {line}.");
                continue;
            }
            foreach (var name in Words(line))
            {
                // A name listed under both sections signals neither.
                _givenNames[name] = _givenNames.TryGetValue(name, out var seen) && seen != gender ? Gender.Unknown : gender;
            }
        }
    }

    private void LoadCues()
    {
        var byForm = new Dictionary<string, List<CueVerb>>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ResourceText.Lines("cue-verbs.txt"))
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            var lemma = parts[0];
            var space = lemma.IndexOf(' ');
            var particle = space > 0 ? lemma[(space + 1)..] : "";
            var frame = parts[2] switch
            {
                "clause" => CueFrame.Clause,
                "tell" => CueFrame.Tell,
                "np" => CueFrame.NounPhrase,
                "objto" => CueFrame.ObjectTo,
                "to" => CueFrame.To,
                "demand" => CueFrame.Demand,
                "doc" => CueFrame.Document,
                var other => throw new InvalidOperationException($"Unknown cue frame {other}."),
            };
            var verb = new CueVerb(lemma, particle, frame, parts[3] == "weak");
            foreach (var form in Words(parts[1]))
            {
                if (!byForm.TryGetValue(form, out var entries))
                {
                    byForm[form] = entries = [];
                }
                if (!entries.Any(e => e.Lemma == lemma))
                {
                    entries.Add(verb);
                }
                Add([form], WordClass.CueForm);
            }
        }
        foreach (var (form, entries) in byForm)
        {
            // Entries with a particle are tried first: "called for" before "called".
            _cues[form] = [.. entries.OrderByDescending(e => e.Particle.Length)];
        }
    }

    private void Add(IEnumerable<string> words, WordClass cls)
    {
        foreach (var w in words)
        {
            _classes[w] = _classes.TryGetValue(w, out var c) ? c | cls : cls;
        }
    }

    private static string[] Words(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
