namespace Sourcing.Query.Migrations;

/// <summary>Reads a migration's SQL, embedded from Migrations/Sql.</summary>
internal static class MigrationSql
{
    public static string Read(string name)
    {
        using var stream = typeof(MigrationSql).Assembly.GetManifestResourceStream($"Sourcing.Query.Migrations.Sql.{name}")
            ?? throw new InvalidOperationException($"Embedded migration SQL '{name}' is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
