using System.Buffers.Binary;
using Sourcing.Query.Summaries;

namespace Sourcing.Query.Tests.Unit;

public sealed class SpeakerTallyTests
{
    [Fact]
    public void Add_DaysWithSharedSpeakers_CountsSumPerSpeakerAndDistinctOnce()
    {
        var tally = new SpeakerTally();

        tally.Add(Packed((1, 2), (5, 1)));
        tally.Add(Packed((5, 3), (4000, 7)));

        tally.DistinctSpeakers.ShouldBe(3);
        tally.Contenders(10).OrderBy(c => c.Speaker).ShouldBe([(1, 2), (5, 4), (4000, 7)]);
    }

    [Fact]
    public void Contenders_TiesAtTheLastPlace_KeepsEveryTiedSpeaker()
    {
        var tally = new SpeakerTally();
        tally.Add(Packed((1, 9), (2, 5), (3, 5), (4, 5), (5, 1)));

        var contenders = tally.Contenders(2).OrderBy(c => c.Speaker).ToList();

        contenders.ShouldBe([(1, 9), (2, 5), (3, 5), (4, 5)]);
    }

    private static byte[] Packed(params (int Speaker, int Count)[] entries)
    {
        var bytes = new byte[entries.Length * 8];
        for (var i = 0; i < entries.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(i * 8), entries[i].Speaker);
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(i * 8 + 4), entries[i].Count);
        }
        return bytes;
    }
}
