using Sourcing.Attribution.Tests.Support;
using Xunit.Abstractions;

namespace Sourcing.Attribution.Tests.Functional;

/// <summary>
/// The engine on the project's own gold corpus (12 invented articles, other beats and styles),
/// scored by the shared scorer. Floors sit a little under what the engine reaches, so a
/// regression fails while the corpus stays honest about what it still misses.
/// </summary>
public sealed class CorpusScoreTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyze_OwnCorpus_MeetsFloors()
    {
        // Arrange
        var gold = Path.Combine(AppContext.BaseDirectory, "Corpus", "corpus.jsonl");

        // Act
        var result = SharedFolder.Score(gold);

        // Assert
        ScoreAssertions.AssertAtLeast(result, output,
            ("f1", 0.95),
            ("source_span_accuracy", 0.95),
            ("sourcing_accuracy", 0.95),
            ("speaker_accuracy", 0.85),
            ("entity_accuracy", 0.92),
            ("quote_type_accuracy", 0.95),
            ("anonymity_reason_recall", 0.90));
    }
}
