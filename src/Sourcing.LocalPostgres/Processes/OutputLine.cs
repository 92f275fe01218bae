namespace Sourcing.LocalPostgres.Processes;

/// <summary>One line a child wrote, and whether it came from standard error.</summary>
public readonly record struct OutputLine(string Text, bool IsError);
