namespace Parry.Sigma.Loading;

/// <summary>A placeholder table that cannot be read, with where.</summary>
public sealed class PlaceholderTableException(string path, int line, int column, string message)
    : Exception($"{path}:{line}:{column}: {message}")
{
    public string Path { get; } = path;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Reason { get; } = message;
}
