using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Query.Data;

namespace Sourcing.Query.Grpc;

/// <summary>Answers questions about stored articles and their sourcing. Methods not overridden here answer UNIMPLEMENTED.</summary>
public sealed class QueryGrpcService(QueryDbContext db) : QueryService.QueryServiceBase
{
    public override async Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ArticleId, out var id))
        {
            RpcErrors.ThrowInvalidArgument("article_id", $"'{request.ArticleId}' is not an article id.");
        }
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("Article", request.ArticleId);
        var analysis = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.ArticleId == id, context.CancellationToken);
        var attributions = await db.Attributions.AsNoTracking()
            .Where(a => a.ArticleId == id)
            .OrderBy(a => a.Ordinal)
            .ToListAsync(context.CancellationToken);
        var response = new GetArticleResponse { Article = ArticleMapper.ToProto(article, analysis, withText: true) };
        response.Attributions.AddRange(attributions.Select(ArticleMapper.ToProto));
        return response;
    }
}
