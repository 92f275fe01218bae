using Microsoft.EntityFrameworkCore.Migrations;

namespace Sourcing.Query.Migrations;

/// <summary>
/// A migration that is only SQL: Migrations/Sql/{class name}.Up.sql and .Down.sql. The EF model does not change, so
/// it has no target model (Designer) to keep.
/// </summary>
public abstract class SqlMigration : Migration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Read($"{GetType().Name}.Up.sql"));

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(MigrationSql.Read($"{GetType().Name}.Down.sql"));
}
