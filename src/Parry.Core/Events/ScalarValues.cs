namespace Parry.Core.Events;

/// <summary>Every scalar value of an event, in record order, for keyword searches; allocates nothing.</summary>
public readonly ref struct ScalarValues
{
    private readonly Event _event;

    internal ScalarValues(Event @event) => _event = @event;

    public Enumerator GetEnumerator() => new(_event);

    public ref struct Enumerator
    {
        private readonly Event _event;
        private int _node;

        internal Enumerator(Event @event)
        {
            _event = @event;
            _node = -1;
        }

        public readonly EventValue Current => _event.ValueAt(_node);

        public bool MoveNext()
        {
            while (++_node < _event.NodeCount)
            {
                if (_event.Node(_node).IsScalar)
                    return true;
            }
            return false;
        }
    }
}
