namespace Parry.Sigma.Modifiers;

/// <summary>
/// <c>base64</c> and <c>base64offset</c>. A value inside a longer Base64 text encodes differently depending on its
/// offset modulo 3, so <c>base64offset</c> yields the three encodings of the value shifted by 0, 1 and 2 bytes,
/// each cut to the characters that do not depend on the neighbouring bytes (the pySigma algorithm).
/// </summary>
internal static class Base64Variants
{
    private static readonly int[] StartOffsets = [0, 2, 3];
    private static readonly int[] EndTrim = [0, 3, 2];

    public static string Encode(byte[] data) => Convert.ToBase64String(data);

    public static IReadOnlyList<string> Offsets(byte[] data)
    {
        var variants = new List<string>(3);
        for (var shift = 0; shift < 3; shift++)
        {
            var shifted = new byte[shift + data.Length];
            for (var i = 0; i < shift; i++)
                shifted[i] = (byte)' ';
            data.CopyTo(shifted, shift);
            var encoded = Convert.ToBase64String(shifted);
            var start = StartOffsets[shift];
            var end = encoded.Length - EndTrim[(data.Length + shift) % 3];
            if (end > start)
                variants.Add(encoded[start..end]);
        }
        return variants;
    }
}
