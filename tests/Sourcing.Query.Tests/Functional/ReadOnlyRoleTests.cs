using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Query.Tests.Support;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Functional;

public sealed class ReadOnlyRoleTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private ServiceHost _query = null!;

    public async Task InitializeAsync()
    {
        await SourcingSchemas.MigrateAllAsync(database.ConnectionString);
        var readOnly = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Username = "sourcing_reader", Password = null }.ConnectionString;
        _query = await ServiceHost.StartAsync(QueryApp.Build, database.ConnectionString,
            new Dictionary<string, string?> { ["ConnectionStrings:sourcing_readonly"] = readOnly });
    }

    public async Task DisposeAsync() => await _query.DisposeAsync();

    [Fact]
    public async Task QueryConnection_ReadsButCannotWrite_PermissionDenied()
    {
        var article = new StoredArticle("Role Post", DateTime.UtcNow, "Readable", "Text.", [new("Ana Pires", 1)]);
        await QueryDatabase.StoreAsync(database.ConnectionString, article);
        var client = new QueryService.QueryServiceClient(_query.Channel);
        var list = await client.ListArticlesAsync(
            new ListArticlesRequest { Filter = new ArticleFilter { Outlets = { "Role Post" } } }, deadline: DateTime.UtcNow.AddSeconds(20));
        // GetArticle reads every schema the role is granted, views included (ingest.text_reuse_links).
        var got = await client.GetArticleAsync(new GetArticleRequest { ArticleId = article.Id.ToString() }, deadline: DateTime.UtcNow.AddSeconds(20));
        await using var connection = await _query.Services.GetRequiredService<NpgsqlDataSource>().OpenConnectionAsync();
        await using var who = new NpgsqlCommand("SELECT current_user", connection);

        var user = (string?)await who.ExecuteScalarAsync();
        // The role's sessions are read-only by default; even a session that asks for read-write lacks the privilege.
        var readOnlyError = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection, "DELETE FROM ingest.articles"));
        await ExecuteAsync(connection, "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
        var denied = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection, "DELETE FROM ingest.articles"));
        var deniedQuery = await Should.ThrowAsync<PostgresException>(() => ExecuteAsync(connection, "DELETE FROM query.sourcing_daily"));

        list.Articles.ShouldHaveSingleItem().Title.ShouldBe("Readable");
        got.Article.Title.ShouldBe("Readable");
        user.ShouldBe("sourcing_reader");
        readOnlyError.SqlState.ShouldBe(PostgresErrorCodes.ReadOnlySqlTransaction);
        denied.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        deniedQuery.SqlState.ShouldBe(PostgresErrorCodes.InsufficientPrivilege);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ingest.articles")).ShouldBe(1);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }
}
