using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Parry.Ingest.Evtx.Rendering;

namespace Parry.Ingest.Tests.Evtx.Rendering;

public class FloatTextTests
{
    private static string Format(double value)
    {
        var buffer = new CharBuffer(1024);
        FloatText.Append(buffer, value);
        return buffer.Span.ToString();
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0, "0.0")]
    [InlineData(123.456, "123.456")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.00001, "0.00001")]
    [InlineData(0.000001, "1e-6")]
    [InlineData(1.5e-7, "1.5e-7")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e16")]
    [InlineData(1.25e20, "1.25e20")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-inf")]
    public void Lays_out_the_shortest_digits_as_rust_does(double value, string expected) => Format(value).ShouldBe(expected);

    [Fact]
    public void Single_precision_uses_its_own_shortest_digits()
    {
        var buffer = new CharBuffer(64);
        FloatText.Append(buffer, 0.1f);
        buffer.Span.ToString().ShouldBe("0.1");
    }

    [Fact]
    public void Every_finite_double_reads_back_to_itself() =>
        Prop.ForAll<NormalFloat>(f =>
        {
            var value = f.Get;
            return double.Parse(Format(value), NumberStyles.Float, CultureInfo.InvariantCulture).Equals(value);
        }).QuickCheckThrowOnFailure();
}
