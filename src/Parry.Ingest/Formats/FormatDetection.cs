namespace Parry.Ingest.Formats;

/// <summary>The format that claimed a file and how sure it was; <see cref="Format"/> is null when none did.</summary>
public readonly record struct FormatDetection(IInputFormat? Format, int Score);
