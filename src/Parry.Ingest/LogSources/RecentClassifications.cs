using Parry.Core.Events;

namespace Parry.Ingest.LogSources;

/// <summary>
/// The entry sets of events classified lately on one thread, by what decided them: which entries hold for an event
/// depends only on its kind, its keys (which fields it has, at which positions) and the text of its values of the
/// fields some entry's conditions read (<c>Channel</c>, <c>EventID</c>, <c>Provider_Name</c>, …). Events of one
/// source mostly repeat a few of those (an EVTX template per event id), so an event that repeats one is given the
/// same selection after a comparison of its keys and of those few values, instead of the dispatch, the candidate
/// checks, the sort and the cache lookup.
/// </summary>
/// <remarks>Values are compared as written: text that differs only in case is classified afresh (and comes out
/// the same), never the other way round. One instance per thread and classifier; nothing is allocated once its
/// slots have grown to the events' sizes.</remarks>
internal sealed class RecentClassifications<TSelection> where TSelection : class
{
    private const int Slots = 256;     // a power of two: a big EVTX file interleaves dozens of templates
    private const int MaxKeys = 512;   // larger records are not remembered
    private const int MaxTextChars = 1024;

    private readonly Slot[] _slots = new Slot[Slots];

    private sealed class Slot
    {
        public string? Kind;
        public int[] Keys = new int[64];
        public int KeyCount;
        // Per remembered value: its key position, and its text's start and length in Text (-1: not a scalar).
        public int[] Positions = new int[8];
        public int[] Starts = new int[8];
        public int[] Lengths = new int[8];
        public int ValueCount;
        public char[] Text = new char[128];
        public TSelection? Selection;
    }

    /// <summary>The selection of an earlier event with the same kind, keys and condition values, if remembered;
    /// <paramref name="slotIndex"/> is where <see cref="Remember"/> keeps this event's. The values compared are those
    /// of the fields <paramref name="isConditionField"/> marks (by field id).</summary>
    public TSelection? Find(Event e, bool[] isConditionField, out int slotIndex)
    {
        var keys = e.FieldIds;
        slotIndex = SlotOf(e, keys, isConditionField);
        var slot = _slots[slotIndex];
        if (slot is null || !ReferenceEquals(slot.Kind, e.SourceKind) || !keys.SequenceEqual(slot.Keys.AsSpan(0, slot.KeyCount)))
            return null;
        for (var i = 0; i < slot.ValueCount; i++)
        {
            var value = e.ValueAtKey(slot.Positions[i]);
            var length = slot.Lengths[i];
            if (value.IsScalar != length >= 0
                || (length >= 0 && !value.Text.SequenceEqual(slot.Text.AsSpan(slot.Starts[i], length))))
                return null;
        }
        return slot.Selection;
    }

    /// <summary>Remembers <paramref name="selection"/> for events like <paramref name="e"/>, at the slot
    /// <see cref="Find"/> gave.</summary>
    public void Remember(Event e, bool[] isConditionField, int slotIndex, TSelection selection)
    {
        var keys = e.FieldIds;
        if (keys.Length > MaxKeys)
            return;
        var slot = _slots[slotIndex] ??= new Slot();
        slot.Selection = null; // not valid until filled
        if (slot.Keys.Length < keys.Length)
            slot.Keys = new int[Math.Max(keys.Length, slot.Keys.Length * 2)];
        keys.CopyTo(slot.Keys);
        slot.KeyCount = keys.Length;
        slot.ValueCount = 0;
        var textLength = 0;
        for (var position = 0; position < keys.Length; position++)
        {
            var field = keys[position];
            if ((uint)field >= (uint)isConditionField.Length || !isConditionField[field])
                continue;
            var value = e.ValueAtKey(position);
            var text = value.IsScalar ? value.Text : default;
            if (textLength + text.Length > MaxTextChars)
                return; // too long to remember: classified afresh each time
            if (slot.ValueCount == slot.Positions.Length)
            {
                Array.Resize(ref slot.Positions, slot.ValueCount * 2);
                Array.Resize(ref slot.Starts, slot.ValueCount * 2);
                Array.Resize(ref slot.Lengths, slot.ValueCount * 2);
            }
            if (slot.Text.Length < textLength + text.Length)
                Array.Resize(ref slot.Text, Math.Max(textLength + text.Length, slot.Text.Length * 2));
            text.CopyTo(slot.Text.AsSpan(textLength));
            slot.Positions[slot.ValueCount] = position;
            slot.Starts[slot.ValueCount] = textLength;
            slot.Lengths[slot.ValueCount] = value.IsScalar ? text.Length : -1;
            slot.ValueCount++;
            textLength += text.Length;
        }
        slot.Kind = e.SourceKind;
        slot.Selection = selection;
    }

    // By the kind, a few of the keys and the count (which tell most shapes apart) and the condition values: one shape
    // often carries several event ids (a provider's generic template), which must not push each other out.
    private static int SlotOf(Event e, ReadOnlySpan<int> keys, bool[] isConditionField)
    {
        var hash = (uint)keys.Length * 0x9E3779B1u ^ (uint)System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(e.SourceKind);
        if (keys.Length > 0)
            hash = (hash ^ (uint)keys[^1]) * 0x85EBCA6Bu ^ (uint)keys[keys.Length >> 1] * 0xC2B2AE35u ^ (uint)keys[(keys.Length * 3) >> 2];
        for (var position = 0; position < keys.Length; position++)
        {
            var field = keys[position];
            if ((uint)field >= (uint)isConditionField.Length || !isConditionField[field])
                continue;
            if (e.ValueAtKey(position) is { IsScalar: true } value)
                hash = (hash ^ (uint)string.GetHashCode(value.Text, StringComparison.Ordinal)) * 0x9E3779B1u;
        }
        return (int)(hash ^ (hash >> 16)) & (Slots - 1);
    }
}
