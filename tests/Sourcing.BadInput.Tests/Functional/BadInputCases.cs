namespace Sourcing.BadInput.Tests.Functional;

/// <summary>The whole corpus, by name (xUnit shows each case as its own test).</summary>
public static class BadInputCases
{
    public static readonly IReadOnlyDictionary<string, BadInputCase> ByName =
        IngestCases.All().Concat(AnalysisCases.All()).Concat(QueryCases.All()).ToDictionary(c => c.Name);

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in ByName.Keys)
        {
            names.Add(name);
        }
        return names;
    }
}
