using Parry.Sigma.Values;

namespace Parry.Sigma.Tests.Values;

public class SigmaNumberTests
{
    [Theory]
    [InlineData("4688", 4688)]
    [InlineData("-5", -5)]
    [InlineData("+7", 7)]
    [InlineData("0x17", 23)]
    [InlineData("0o17", 15)]
    [InlineData("1.5", 1.5)]
    [InlineData(".5", 0.5)]
    [InlineData("1e3", 1000)]
    public void Reads_yaml_core_schema_numbers(string text, double value)
    {
        SigmaNumber.TryParse(text, out var number).ShouldBeTrue();
        number!.Value.ShouldBe(value);
        number.Text.ShouldBe(text);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1.0.0")]
    [InlineData("0x")]
    [InlineData("1e")]
    [InlineData(".inf")]
    [InlineData("12abc")]
    [InlineData("")]
    [InlineData("-0x10")]
    public void Other_text_is_not_a_number(string text)
    {
        SigmaNumber.TryParse(text, out _).ShouldBeFalse();
    }
}
