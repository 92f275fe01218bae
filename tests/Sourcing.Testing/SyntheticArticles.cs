using System.Text;

namespace Sourcing.Testing;

/// <summary>
/// News-like articles made up from word lists, deterministic for a seed: named and anonymous
/// attributions, quotes and paraphrase, and words varied often enough that two articles rarely
/// share five words in a row (so they are not mistaken for copies of each other).
/// </summary>
public static class SyntheticArticles
{
    private static readonly string[] Given = ["Ada", "Bruno", "Carla", "Dmitri", "Elif", "Farah", "Goran", "Hana", "Ivo", "Jun", "Kofi", "Lena", "Marek", "Nia", "Omar", "Petra", "Quinn", "Rosa", "Sven", "Tala", "Uma", "Vik", "Wren", "Yara", "Zeno"];
    private static readonly string[] Family = ["Abara", "Brandt", "Castell", "Dunmore", "Eskola", "Ferrant", "Galvez", "Holm", "Ibarra", "Jovic", "Kestrel", "Lindqvist", "Moravec", "Nakamura", "Okafor", "Pellham", "Quarry", "Rasku", "Szabo", "Tennant", "Ulloa", "Varga", "Whitlock", "Yilmaz", "Zorn"];
    private static readonly string[] Titles = ["Mayor", "Councillor", "Inspector", "Director", "Minister", "Professor", "Chief Engineer", "Harbor Master", "Commissioner", "Spokeswoman"];
    private static readonly string[] Places = ["Ashford", "Brightwater", "Coldharbor", "Dunmere", "Eastvale", "Fernhill", "Glenrock", "Highmoor", "Ironbridge", "Juniper Falls", "Kingsreach", "Larkspur", "Millbrook", "Northcliff", "Oakhaven", "Pinecrest", "Queensport", "Redwater", "Stonegate", "Thornbury"];
    private static readonly string[] Things = ["bridge", "ferry", "clinic", "reservoir", "rail line", "school", "harbor", "library", "power plant", "market", "tunnel", "airport", "stadium", "dam", "water plant"];
    private static readonly string[] Actions = ["reopen", "close", "expand", "be inspected", "be rebuilt", "be sold", "be audited", "lose funding", "gain staff", "be delayed"];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] Cues = ["said", "told reporters", "added", "warned", "noted", "insisted", "argued"];
    private static readonly string[] Anonymous = ["a city official", "two people familiar with the plans", "a senior engineer", "officials", "a person close to the council", "three residents"];
    private static readonly string[] Reasons = ["because they were not authorized to speak publicly", "to discuss internal deliberations", "because the talks were private", "for fear of losing their jobs"];
    private static readonly string[] Adjectives = ["urgent", "costly", "overdue", "careful", "temporary", "unusual", "modest", "difficult", "welcome", "contested"];

    public sealed record Article(string Title, string Body, string Outlet);

    public static IEnumerable<Article> Generate(int count, int seed = 1)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            yield return One(random, i);
        }
    }

    private static Article One(Random random, int index)
    {
        string Pick(string[] words) => words[random.Next(words.Length)];
        var place = Pick(Places);
        var thing = Pick(Things);
        var person = $"{Pick(Given)} {Pick(Family)}";
        var title = $"{place} {thing} to {Pick(Actions)} after {random.Next(2, 90)}-day review ({index})";
        var body = new StringBuilder();
        body.Append($"{place.ToUpperInvariant()} — The {Pick(Adjectives)} {thing} in {place} will {Pick(Actions)} by {Pick(Days)}, ");
        body.Append($"{Pick(Titles)} {person} {Pick(Cues)} on {Pick(Days)}.\n\n");
        var paragraphs = random.Next(4, 9);
        for (var p = 0; p < paragraphs; p++)
        {
            switch (random.Next(4))
            {
                case 0:
                    body.Append($"\u201CWe counted {random.Next(3, 400)} {Pick(Adjectives)} problems at the {Pick(Things)},\u201D {person.Split(' ')[1]} {Pick(Cues)}. ");
                    body.Append($"\u201CThe {Pick(Things)} near {Pick(Places)} comes {Pick(["first", "next", "later", "last"])}.\u201D\n\n");
                    break;
                case 1:
                    body.Append($"The {Pick(Things)} could {Pick(Actions)} within {random.Next(2, 30)} weeks, according to {Pick(Anonymous)} who spoke on condition of anonymity {Pick(Reasons)}.\n\n");
                    break;
                case 2:
                    body.Append($"{Pick(Titles)} {Pick(Given)} {Pick(Family)} of {Pick(Places)} {Pick(Cues)} that {random.Next(2, 60)} {Pick(Adjectives)} repairs would {Pick(Actions)} the {Pick(Things)}.\n\n");
                    break;
                default:
                    body.Append($"Residents of {Pick(Places)} waited {random.Next(1, 12)} hours on {Pick(Days)} while {random.Next(5, 900)} {Pick(Adjectives)} crews worked near the {Pick(Things)}.\n\n");
                    break;
            }
        }
        return new Article(title, body.ToString().TrimEnd(), $"{Pick(Places)} {Pick(["Courier", "Ledger", "Gazette", "Herald", "Post"])}");
    }
}
