using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class SentenceSplitterTests
{
    [Fact]
    public void Split_Abbreviations_DoNotEndSentence()
    {
        var doc = Analysis.Run("Brig. Gen. Ada Cole arrived on Jan. 13 with Mr. Reed. She left.");

        doc.Sentences.Count.ShouldBe(2);
    }

    [Fact]
    public void Split_InitialismBeforeCapitalizedFunctionWord_EndsSentence()
    {
        var doc = Analysis.Run("The troops went back to the U.S. The talks ended.");

        doc.Sentences.Count.ShouldBe(2);
    }

    [Fact]
    public void Split_InitialismBeforeNoun_DoesNotEndSentence()
    {
        var doc = Analysis.Run("The U.S. Army left. It rained.");

        doc.Sentences.Count.ShouldBe(2);
    }

    [Fact]
    public void Split_LineBreaks_EndSentencesAndParagraphs()
    {
        var doc = Analysis.Run("Headline here\n\nFirst sentence. Second one.");

        doc.Sentences.Count.ShouldBe(3);
        doc.Sentences[2].Paragraph.ShouldBe(1);
    }
}
