using System.Net;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Parry.Sigma.Values;

namespace Parry.Sigma.Tests.Modifiers;

/// <summary>Modifiers checked against independent reference implementations.</summary>
public class ModifierPropertyTests
{
    private static readonly Gen<string> Ascii = Gen.ArrayOf(Gen.Choose(32, 126).Select(i => (char)i))
        .Where(c => c.Length > 0 && !c.Contains('*') && !c.Contains('?') && !c.Contains('\\'))
        .Select(c => new string(c));

    /// <remarks>Values of three bytes or more: a shorter value has shifts at which no Base64 character depends on
    /// it alone, so base64offset (like pySigma's) cannot express it there.</remarks>
    [Fact]
    public void Base64offset_contains_finds_the_value_inside_any_encoded_text()
    {
        var prefix = Gen.ArrayOf(Gen.Choose(0, 255).Select(i => (byte)i));
        Prop.ForAll(Ascii.Where(v => v.Length >= 3).ToArbitrary(), prefix.ToArbitrary(), prefix.ToArbitrary(), (value, before, after) =>
        {
            var encoded = Convert.ToBase64String([.. before, .. Encoding.UTF8.GetBytes(value), .. after]);
            var rule = SigmaTestKit.Rule($"""
                selection:
                    Field|base64offset|contains: '{value.Replace("'", "''")}'
                condition: selection
                """);
            return SigmaTestKit.Matches(rule, Json(encoded));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Base64_equals_the_encoding()
    {
        Prop.ForAll(Ascii.ToArbitrary(), value =>
        {
            var rule = SigmaTestKit.Rule($"""
                selection:
                    Field|base64: '{value.Replace("'", "''")}'
                condition: selection
                """);
            return SigmaTestKit.Matches(rule, Json(Convert.ToBase64String(Encoding.UTF8.GetBytes(value))));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Windash_alternatives_are_exactly_the_flag_dash_permutations()
    {
        // At most four pieces: five flag dashes already make 3,125 strings, more are rejected as too large.
        var pieces = Gen.ListOf(Gen.Elements(" -a", " /b", "x-y", "-", " ", "c", "\u2013d")).Select(l => l.Take(4).ToList());
        Prop.ForAll(pieces.ToArbitrary(), parts =>
        {
            var value = string.Concat(parts);
            if (value.Length == 0)
                return true;
            var rule = SigmaTestKit.Rule($"""
                selection:
                    Field|windash: '{value}'
                condition: selection
                """);
            var item = (Rules.DetectionItem)((Rules.DetectionGroup)rule.Detection.SearchIdentifiers[0].Value).Items[0];
            var actual = item.Values[0] is SigmaExpansion e ? e.Alternatives.Select(v => ((SigmaString)v).PlainText).ToHashSet() : [((SigmaString)item.Values[0]).PlainText];
            return actual.SetEquals(OracleWindash(value));
        }).QuickCheckThrowOnFailure();
    }

    // pySigma's definition: a dash at \B[-/]\b (extended to the five dash characters) takes each of the five forms.
    private static HashSet<string> OracleWindash(string value)
    {
        var dashes = new[] { '-', '/', '\u2013', '\u2014', '\u2015' };
        var positions = System.Text.RegularExpressions.Regex.Matches(value, @"\B[-/\u2013\u2014\u2015]\b").Select(m => m.Index).ToList();
        var results = new HashSet<string> { value };
        foreach (var position in positions)
        {
            results = results.SelectMany(r => dashes.Select(d =>
            {
                var chars = r.ToCharArray();
                chars[position] = d;
                return new string(chars);
            })).ToHashSet();
        }
        return results;
    }

    [Fact]
    public void Cidr_agrees_with_system_net_ipnetwork()
    {
        var v4 = Gen.Four(Gen.Choose(0, 255)).Select(t => $"{t.Item1}.{t.Item2}.{t.Item3}.{t.Item4}");
        var prefix = Gen.Choose(0, 32);
        Prop.ForAll(v4.ToArbitrary(), prefix.ToArbitrary(), v4.ToArbitrary(), (network, length, address) =>
        {
            SigmaCidr.TryParse($"{network}/{length}", out var cidr).ShouldBeTrue();
            var masked = IPNetwork.Parse($"{Mask(network, length)}/{length}");
            return cidr!.Contains(address) == masked.Contains(IPAddress.Parse(address));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cidr_v6_agrees_with_system_net_ipnetwork()
    {
        var word = Gen.Choose(0, 0xFFFF);
        var v6 = Gen.ArrayOf(word).Where(w => w.Length == 8).Select(w => IPAddress.Parse(string.Join(':', w.Select(x => x.ToString("x")))));
        var prefix = Gen.Choose(0, 128);
        Prop.ForAll(v6.ToArbitrary(), prefix.ToArbitrary(), v6.ToArbitrary(), (network, length, address) =>
        {
            var reference = new IPNetwork(MaskV6(network, length), length);
            SigmaCidr.TryParse($"{network}/{length}", out var cidr).ShouldBeTrue();
            // Compressed and full forms both parse.
            return cidr!.Contains(address.ToString()) == reference.Contains(address)
                && cidr.Contains(string.Join(':', address.GetAddressBytes().Chunk(2).Select(b => $"{b[0]:x2}{b[1]:x2}"))) == reference.Contains(address);
        }).QuickCheckThrowOnFailure();
    }

    private static string Mask(string address, int length)
    {
        var bytes = IPAddress.Parse(address).GetAddressBytes();
        var bits = length == 0 ? 0u : uint.MaxValue << (32 - length);
        var value = ((uint)bytes[0] << 24 | (uint)bytes[1] << 16 | (uint)bytes[2] << 8 | bytes[3]) & bits;
        return new IPAddress([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
    }

    private static IPAddress MaskV6(IPAddress address, int length)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < 16; i++)
        {
            var keep = Math.Clamp(length - i * 8, 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }
        return new IPAddress(bytes);
    }

    private static string Json(string value) =>
        System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string> { ["Field"] = value });
}
