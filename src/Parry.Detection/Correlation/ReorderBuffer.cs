namespace Parry.Detection.Correlation;

/// <summary>
/// Detections waiting for the watermark, taken out in order. Input is mostly in order already: a detection not
/// before the newest waiting one goes to the back of a queue (constant time); only one that overtakes goes to a
/// heap. The smaller of the two heads comes out first.
/// </summary>
internal sealed class ReorderBuffer
{
    private sealed class Order : IComparer<PendingDetection>
    {
        public static readonly Order Instance = new();

        public int Compare(PendingDetection x, PendingDetection y) => PendingDetection.Compare(x, y);
    }

    private readonly Ring<PendingDetection> _inOrder = new(64);
    private readonly PriorityQueue<PendingDetection, PendingDetection> _overtaken = new(Order.Instance);

    public int Count => _inOrder.Count + _overtaken.Count;

    public void Add(in PendingDetection item)
    {
        if (_inOrder.Count == 0 || PendingDetection.Compare(item, _inOrder.Back) >= 0)
            _inOrder.PushBack(item);
        else
            _overtaken.Enqueue(item, item);
    }

    public bool TryPeek(out PendingDetection item)
    {
        var hasQueue = _inOrder.Count > 0;
        var hasHeap = _overtaken.TryPeek(out var fromHeap, out _);
        if (hasQueue && (!hasHeap || PendingDetection.Compare(_inOrder.Front, fromHeap) <= 0))
        {
            item = _inOrder.Front;
            return true;
        }
        item = fromHeap;
        return hasHeap;
    }

    public PendingDetection Take()
    {
        var hasHeap = _overtaken.TryPeek(out var fromHeap, out _);
        if (_inOrder.Count > 0 && (!hasHeap || PendingDetection.Compare(_inOrder.Front, fromHeap) <= 0))
            return _inOrder.PopFront();
        return _overtaken.Dequeue();
    }
}
