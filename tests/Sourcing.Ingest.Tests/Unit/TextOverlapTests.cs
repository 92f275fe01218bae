using Sourcing.Ingest.Similarity;

namespace Sourcing.Ingest.Tests.Unit;

public sealed class TextOverlapTests
{
    private const string Wire = "The river crested at nine meters on Sunday night and engineers said the levee held along the whole eastern bank of the town.";

    [Fact]
    public void WordShingles_CaseApostrophesAndLineBreaks_DoNotChangeShingles()
    {
        var a = WordShingles.Of("The mayor’s office said the river crested early.");
        var b = WordShingles.Of("the MAYORS\noffice   said the river, crested early");

        a.SetEquals(b).ShouldBeTrue();
        a.Count.ShouldBe(4);
    }

    [Fact]
    public void Between_IdenticalTexts_IsOneEverywhere()
    {
        var overlap = TextOverlap.Between(WordShingles.Of(Wire), WordShingles.Of(Wire));

        overlap.ShouldBe(new TextOverlap(1, 1, 1));
    }

    [Fact]
    public void Between_ShortArticleQuotingHalfOfLongOne_MeasuresEachSidesShare()
    {
        var reprint = WordShingles.Of(Wire + " Local shops stayed closed and the school board cancelled classes for Monday and Tuesday as well.");
        var wire = WordShingles.Of(Wire);

        var overlap = TextOverlap.Between(reprint, wire);

        overlap.SharedFractionOfSecond.ShouldBe(1);
        overlap.SharedFractionOfFirst.ShouldBeInRange(0.4, 0.7);
        overlap.Jaccard.ShouldBe(overlap.SharedFractionOfFirst, 1e-9);
    }

    [Fact]
    public void Between_EmptyText_IsZero()
    {
        TextOverlap.Between(WordShingles.Of("too short"), WordShingles.Of(Wire)).ShouldBe(default);
    }

    [Fact]
    public void Sketch_SampledHashes_AreTheSameForSharedShingles()
    {
        var first = WordShingles.Of(Wire + " " + Wire.ToUpperInvariant());
        var sample = ShingleSketch.Of(first);

        sample.ShouldAllBe(h => ShingleSketch.IsSampled(h));
        sample.ShouldBe(first.Where(ShingleSketch.IsSampled).Order().ToArray());
    }
}
