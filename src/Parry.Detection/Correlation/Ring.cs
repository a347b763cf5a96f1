namespace Parry.Detection.Correlation;

/// <summary>A growable circular buffer: append at the back, take from the front, without allocating once it has
/// grown to its working size.</summary>
internal sealed class Ring<T>
{
    private T[] _items;
    private int _head;

    public Ring(int capacity = 4) => _items = new T[Math.Max(1, capacity)];

    public int Count { get; private set; }

    public ref T Front => ref _items[_head];

    public ref T Back => ref _items[Wrap(_head + Count - 1)];

    public ref T this[int index] => ref _items[Wrap(_head + index)];

    public void PushBack(T item)
    {
        if (Count == _items.Length)
            Grow();
        _items[Wrap(_head + Count)] = item;
        Count++;
    }

    public T PopFront()
    {
        var item = _items[_head];
        _items[_head] = default!;
        _head = Wrap(_head + 1);
        Count--;
        return item;
    }

    // Indices stay below twice the length, so a subtraction wraps them (a division per access shows in profiles).
    private int Wrap(int index) => index >= _items.Length ? index - _items.Length : index;

    public void Clear()
    {
        if (System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences<T>())
        {
            for (var i = 0; i < Count; i++)
                this[i] = default!;
        }
        _head = 0;
        Count = 0;
    }

    private void Grow()
    {
        var grown = new T[_items.Length * 2];
        for (var i = 0; i < Count; i++)
            grown[i] = this[i];
        _items = grown;
        _head = 0;
    }
}
