using System.Buffers.Binary;

namespace Sourcing.Query.Summaries;

/// <summary>
/// One group's attributions per speaker key, added up from the day sets (query.speaker_day_sets) of its range. Keys
/// are small integers handed out in order, so the counts sit in an array indexed by key (tens of thousands of
/// additions a call: a dictionary cost more than reading the rows).
/// </summary>
public sealed class SpeakerTally
{
    private int[] _counts = new int[1024];
    private readonly List<int> _speakers = [];

    public int DistinctSpeakers => _speakers.Count;

    /// <summary>Adds one day's speaker_counts: (speaker key, count) pairs of big-endian int4.</summary>
    public void Add(ReadOnlySpan<byte> packed)
    {
        for (var i = 0; i + 8 <= packed.Length; i += 8)
        {
            var speaker = BinaryPrimitives.ReadInt32BigEndian(packed[i..]);
            if (speaker >= _counts.Length)
            {
                Array.Resize(ref _counts, Math.Max(speaker + 1, _counts.Length * 2));
            }
            if (_counts[speaker] == 0)
            {
                _speakers.Add(speaker);
            }
            _counts[speaker] += BinaryPrimitives.ReadInt32BigEndian(packed[(i + 4)..]);
        }
    }

    /// <summary>
    /// The speakers that can be among the top <paramref name="top"/> once ties are ordered by name: every speaker whose
    /// count is at least the <paramref name="top"/>-th highest count.
    /// </summary>
    public IEnumerable<(int Speaker, int Count)> Contenders(int top)
    {
        var threshold = 0;
        if (_speakers.Count > top)
        {
            var counts = _speakers.Select(s => _counts[s]).ToArray();
            Array.Sort(counts);
            threshold = counts[^top];
        }
        return _speakers.Where(s => _counts[s] >= threshold).Select(s => (s, _counts[s]));
    }
}
