using Google.Rpc;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;

namespace Sourcing.Query.Lists;

/// <summary>Validates an <see cref="AttributionFilter"/> and turns it into conditions on <c>i</c> (the article index) and <c>r</c> (analysis.attributions).</summary>
public static class AttributionFilterSql
{
    public static void Apply(AttributionFilter? filter, SqlBuilder sql, string field)
    {
        if (filter is null)
        {
            return;
        }
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (filter.ArticleFilter is { } articles)
        {
            violations.AddRange(ArticleFilterSql.Validate(articles, $"{field}.article_filter"));
        }
        CheckDefined(filter.Sourcing, "sourcing");
        CheckDefined(filter.Entity, "entity");
        CheckDefined(filter.QuoteType, "quote_type");
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        ArticleFilterSql.Apply(filter.ArticleFilter, sql, $"{field}.article_filter");
        if (filter.Sourcing != Contracts.V1.Sourcing.Unspecified)
        {
            sql.Where($"r.sourcing = {sql.Parameter((short)filter.Sourcing)}");
        }
        if (filter.Entity != EntityKind.Unspecified)
        {
            sql.Where($"r.entity = {sql.Parameter((short)filter.Entity)}");
        }
        if (filter.QuoteType != QuoteType.Unspecified)
        {
            sql.Where($"r.quote_type = {sql.Parameter((short)filter.QuoteType)}");
        }
        if (filter.HasHasReason)
        {
            sql.Where(filter.HasReason ? "r.reason_start IS NOT NULL" : "r.reason_start IS NULL");
        }

        void CheckDefined<T>(T value, string name) where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                violations.Add(new BadRequest.Types.FieldViolation { Field = $"{field}.{name}", Description = $"Unknown value {value}." });
            }
        }
    }
}
