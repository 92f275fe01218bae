using System.Text;

namespace Sourcing.Attribution.Bench;

/// <summary>
/// Synthesizes news articles from templates of invented text (names, places, sourcing forms
/// and non-attributions), deterministically from a seed, so every run measures the same corpus.
/// </summary>
public static class CorpusGenerator
{
    private static readonly string[] First = ["Jane", "Omar", "Priya", "Tomasz", "Ines", "Marcus", "Lotte", "Daniel", "Asha", "Victor"];
    private static readonly string[] Last = ["Roe", "Lindqvist", "Natarajan", "Wren", "Carvalho", "Hale", "Berg", "Ferreira", "Mwangi", "Osei"];
    private static readonly string[] Titles = ["Mayor", "Council member", "Health Minister", "Chief Executive", "Police Chief", "Judge", "Professor"];
    private static readonly string[] Places = ["Riverton", "Dunmore", "Calder City", "Westbury", "Lakeview", "Hartfield"];
    private static readonly string[] Anonymous = ["two people familiar with the matter", "a senior administration official", "officials", "a diplomat", "sources close to the company", "three residents"];
    private static readonly string[] Topics = ["the flood wall", "the school budget", "the new clinic", "the trade deal", "the bridge repairs", "the stadium plan"];

    private static readonly string[] Templates =
    [
        "“{topic} is the right choice for {place},” {title} {name} said on Tuesday.",
        "{Name} said {topic} would cost more than expected, adding that “nobody likes surprises.”",
        "{Topic} will be delayed by a year, {anon} said, because the contract has not been signed.",
        "According to {anon}, {topic} was discussed at a closed meeting last week.",
        "In a statement, the {place} council said it “remains committed” to {topic}.",
        "The report found that {topic} had fallen behind schedule in {place}.",
        "“We are not there yet,” {short} told reporters, “but we are close.”",
        "{Anon} spoke on condition of anonymity because they were not authorized to discuss {topic}.",
        "A spokesperson for the developer declined to comment on {topic}.",
        "Residents have lobbied for {topic} since the 2019 flood, and pressed the council for a vote.",
        "{Topic} drew a crowd of about 200 people to the town hall in {place} on Monday evening.",
        "She warned that {topic} could be blocked in court, and insisted the council had acted lawfully.",
        "A resident walks past the town hall in {place}. (Photo by {name})",
    ];

    public static IReadOnlyList<string> Generate(int articles, int seed)
    {
        var random = new Random(seed);
        var list = new List<string>(articles);
        for (var a = 0; a < articles; a++)
        {
            var text = new StringBuilder();
            var place = Pick(random, Places);
            text.Append(Pick(random, Places)).Append(" weighs ").Append(Pick(random, Topics)).Append("\n\nBy ")
                .Append(Pick(random, First)).Append(' ').Append(Pick(random, Last)).Append("\n\n")
                .Append(place.ToUpperInvariant()).Append(" — ");
            var paragraphs = random.Next(12, 24);
            for (var p = 0; p < paragraphs; p++)
            {
                var sentences = random.Next(1, 4);
                for (var s = 0; s < sentences; s++)
                {
                    text.Append(Fill(random, Pick(random, Templates), place)).Append(' ');
                }
                text.Append("\n\n");
            }
            list.Add(text.ToString());
        }
        return list;
    }

    private static string Fill(Random random, string template, string place)
    {
        var first = Pick(random, First);
        var last = Pick(random, Last);
        var topic = Pick(random, Topics);
        var anon = Pick(random, Anonymous);
        return template
            .Replace("{topic}", topic).Replace("{Topic}", Capital(topic))
            .Replace("{anon}", anon).Replace("{Anon}", Capital(anon))
            .Replace("{title}", Pick(random, Titles))
            .Replace("{name}", $"{first} {last}").Replace("{Name}", $"{first} {last}")
            .Replace("{short}", last).Replace("{place}", place);
    }

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
