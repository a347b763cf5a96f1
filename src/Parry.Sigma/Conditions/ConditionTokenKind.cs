namespace Parry.Sigma.Conditions;

internal enum ConditionTokenKind : byte
{
    Word,
    And,
    Or,
    Not,
    Of,
    OpenParen,
    CloseParen,
    Pipe,
    End,
}
