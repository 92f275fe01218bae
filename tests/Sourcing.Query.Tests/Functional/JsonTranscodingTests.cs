using System.Net;
using System.Text.Json;
using Sourcing.Query.Tests.Support;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Functional;

public sealed class JsonTranscodingTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private ServiceHost _query = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20), DefaultRequestVersion = HttpVersion.Version11 };

    public async Task InitializeAsync()
    {
        await SourcingSchemas.MigrateAllAsync(database.ConnectionString);
        _query = await ServiceHost.StartAsync(QueryApp.Build, database.ConnectionString);
        _http.BaseAddress = _query.HealthAddress;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _query.DisposeAsync();
    }

    [Fact]
    public async Task HttpGet_ReadRoutesOnHttp11HealthEndpoint_AnswerJson()
    {
        var outlet = $"Json Post {Guid.NewGuid():N}";
        var first = new StoredArticle(outlet, new DateTime(2021, 4, 7, 9, 0, 0, DateTimeKind.Utc), "Port strike", "Dockworkers walk out.",
            [new("officials", 2, "not authorized"), new("Ana Pires", 1)]);
        var second = first with { Id = Guid.CreateVersion7(), Title = "Port reopens", PublishedAt = first.PublishedAt.AddHours(1) };
        await QueryDatabase.StoreAsync(database.ConnectionString, first, second);
        var query = $"filter.outlets={Uri.EscapeDataString(outlet)}";

        using var article = await GetJsonAsync($"/v1/articles/{first.Id}");
        using var page = await GetJsonAsync($"/v1/articles?{query}&pageSize=1");
        var token = page.RootElement.GetProperty("nextPageToken").GetString()!;
        using var next = await GetJsonAsync($"/v1/articles?{query}&pageSize=1&pageToken={Uri.EscapeDataString(token)}");
        using var summary = await GetJsonAsync($"/v1/summary?groupBy=SUMMARY_GROUPING_OUTLET&{query}");
        using var anonymous = await GetJsonAsync($"/v1/attributions?filter.articleFilter.outlets={Uri.EscapeDataString(outlet)}&filter.sourcing=SOURCING_ANONYMOUS");
        using var forged = await _http.GetAsync($"/v1/articles?pageToken=forged");

        article.RootElement.GetProperty("article").GetProperty("title").GetString().ShouldBe("Port strike");
        article.RootElement.GetProperty("attributions").GetArrayLength().ShouldBe(2);
        page.RootElement.GetProperty("articles")[0].GetProperty("title").GetString().ShouldBe("Port reopens");
        next.RootElement.GetProperty("articles")[0].GetProperty("title").GetString().ShouldBe("Port strike");
        var group = summary.RootElement.GetProperty("groups")[0];
        group.GetProperty("key").GetString().ShouldBe(outlet);
        group.GetProperty("anonymousShare").GetDouble().ShouldBe(0.5);
        anonymous.RootElement.GetProperty("attributions").EnumerateArray().Select(a => a.GetProperty("speaker").GetString())
            .ShouldBe(["officials", "officials"]);
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        response.Version.ShouldBe(HttpVersion.Version11);
        return JsonDocument.Parse(body);
    }
}
