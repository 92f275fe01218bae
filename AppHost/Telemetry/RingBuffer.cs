namespace Sourcing.AppHost.Telemetry;

/// <summary>The last <c>capacity</c> items added, oldest first when read; counts what it has seen and dropped.</summary>
public sealed class RingBuffer<T>(int capacity)
{
    private readonly T[] _items = new T[capacity];
    private readonly Lock _gate = new();
    private long _added;

    /// <summary>Every item ever added, kept or not.</summary>
    public long Added
    {
        get { lock (_gate) { return _added; } }
    }

    /// <summary>Items pushed out by newer ones.</summary>
    public long Dropped
    {
        get { lock (_gate) { return Math.Max(0, _added - _items.Length); } }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items[_added % _items.Length] = item;
            _added++;
        }
    }

    /// <summary>A copy of the kept items, oldest first.</summary>
    public List<T> Snapshot()
    {
        lock (_gate)
        {
            var count = (int)Math.Min(_added, _items.Length);
            var result = new List<T>(count);
            for (var i = _added - count; i < _added; i++)
            {
                result.Add(_items[i % _items.Length]);
            }

            return result;
        }
    }
}
