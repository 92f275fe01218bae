using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sourcing.Analysis.Data;

/// <summary>Binary COPY of rows in the context's open transaction: each row started, its columns written in the command's order.</summary>
internal static class BinaryCopy
{
    public static async Task WriteAsync<T>(
        AnalysisDbContext db, string command, IReadOnlyList<T> rows, Func<NpgsqlBinaryImporter, T, CancellationToken, Task> writeColumns, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(command, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await writeColumns(importer, row, ct);
        }
        await importer.CompleteAsync(ct);
    }
}
