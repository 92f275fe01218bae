using Sourcing.Attribution.Tests.Support;
using Xunit.Abstractions;

namespace Sourcing.Attribution.Tests.Functional;

/// <summary>The quality bar, computed by the real scorer on the shared seed articles.</summary>
public sealed class SeedScoreTests(ITestOutputHelper output)
{
    [Fact]
    public void Analyze_SeedArticles_MeetsEveryThreshold()
    {
        // Arrange
        var gold = Path.Combine(SharedFolder.Path_, "gold", "seeds.jsonl");

        // Act
        var result = SharedFolder.Score(gold);

        // Assert
        ScoreAssertions.AssertAtLeast(result, output,
            ("f1", 0.95),
            ("sourcing_accuracy", 0.97),
            ("speaker_accuracy", 0.90),
            ("entity_accuracy", 0.90),
            ("quote_type_accuracy", 0.90),
            ("anonymity_reason_recall", 0.90));
    }
}
