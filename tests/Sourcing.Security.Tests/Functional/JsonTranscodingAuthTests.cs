using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sourcing.Security.Tests.Functional;

[Collection(SecuredSystem.Collection)]
public sealed class JsonTranscodingAuthTests(SecuredSystem system) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = system.Query.HealthAddress, Timeout = TimeSpan.FromSeconds(20) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task HttpGet_NoKey_401WithTheReason()
    {
        using var response = await _http.GetAsync("/v1/articles");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        body.RootElement.GetProperty("message").GetString()!.ShouldContain("missing API key");
        body.RootElement.GetProperty("details")[0].GetProperty("reason").GetString().ShouldBe("API_KEY_MISSING");
    }

    [Fact]
    public async Task HttpGet_ServiceKey_403()
    {
        using var response = await GetAsync("/v1/articles", TestKey.Service);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HttpGet_ReadKey_200()
    {
        using var response = await GetAsync("/v1/articles?pageSize=1", TestKey.Reader);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, TestKey key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key.Key);
        return await _http.SendAsync(request);
    }
}
