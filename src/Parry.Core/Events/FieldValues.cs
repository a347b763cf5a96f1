namespace Parry.Core.Events;

/// <summary>The scalar values an event holds under one field id; a struct enumerator that allocates nothing.</summary>
public readonly ref struct FieldValues
{
    private readonly Event _event;
    private readonly ReadOnlySpan<int> _keys;
    private readonly ReadOnlySpan<int> _keyNodes;
    private readonly int _field;

    internal FieldValues(Event @event, ReadOnlySpan<int> keys, ReadOnlySpan<int> keyNodes, int field)
    {
        _event = @event;
        _keys = keys;
        _keyNodes = keyNodes;
        _field = field;
    }

    public Enumerator GetEnumerator() => new(_event, _keys, _keyNodes, _field);

    public ref struct Enumerator
    {
        private readonly Event _event;
        private readonly ReadOnlySpan<int> _keys;
        private readonly ReadOnlySpan<int> _keyNodes;
        private readonly int _field;
        private int _position;
        private int _node;

        internal Enumerator(Event @event, ReadOnlySpan<int> keys, ReadOnlySpan<int> keyNodes, int field)
        {
            _event = @event;
            _keys = keys;
            _keyNodes = keyNodes;
            _field = field;
            _position = 0;
            _node = -1;
        }

        public readonly EventValue Current => _event.ValueAt(_node);

        public bool MoveNext()
        {
            while (_position < _keys.Length)
            {
                var found = _keys[_position..].IndexOf(_field);
                if (found < 0)
                {
                    _position = _keys.Length;
                    return false;
                }
                var at = _position + found;
                _position = at + 1;
                var node = _keyNodes[at];
                if (_event.Node(node).IsScalar)
                {
                    _node = node;
                    return true;
                }
            }
            return false;
        }
    }
}
