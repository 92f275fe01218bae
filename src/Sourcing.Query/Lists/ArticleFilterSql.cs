using Google.Rpc;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;

namespace Sourcing.Query.Lists;

/// <summary>
/// Validates an <see cref="ArticleFilter"/> and turns it into conditions on <c>query.article_index</c> (alias
/// <c>i</c>). Times apply to the publish time, or the receive time of an article that has none.
/// </summary>
public static class ArticleFilterSql
{
    public static void Apply(ArticleFilter? filter, SqlBuilder sql, string field)
    {
        if (filter is null)
        {
            return;
        }
        var violations = Validate(filter, field);
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        if (filter.Outlets.Count == 1)
        {
            // Equality, not = ANY: the (outlet, sort_time) index then yields the page in order and stops after it.
            sql.Where($"i.outlet = {sql.Parameter(filter.Outlets[0])}");
        }
        else if (filter.Outlets.Count > 1)
        {
            sql.Where($"i.outlet = ANY({sql.Parameter(filter.Outlets.ToArray())})");
        }
        if (filter.StartTime is { } start)
        {
            sql.Where($"i.sort_time >= {sql.Parameter(start.ToDateTime())}");
            sql.Earliest = start.ToDateTime();
        }
        if (filter.EndTime is { } end)
        {
            sql.Where($"i.sort_time < {sql.Parameter(end.ToDateTime())}");
            sql.NoLaterThan(end.ToDateTime());
        }
        if (filter.HasHasAnonymous)
        {
            sql.Where(filter.HasAnonymous ? "i.anonymous_count > 0" : "i.analyzed_at IS NOT NULL AND i.anonymous_count = 0");
        }
        if (filter.HasMinAnonymousShare)
        {
            sql.Where("i.analyzed_at IS NOT NULL AND CASE WHEN i.attribution_count > 0 " +
                $"THEN i.anonymous_count::float8 / i.attribution_count ELSE 0 END >= {sql.Parameter(filter.MinAnonymousShare)}");
        }
        if (Guid.TryParse(filter.StoryId, out var storyId))
        {
            sql.Where($"i.article_id IN (SELECT st.article_id FROM analysis.article_stories st WHERE st.story_id = {sql.Parameter(storyId)})");
        }
        if (Guid.TryParse(filter.SpeakerId, out var speakerId))
        {
            sql.Where("EXISTS (SELECT 1 FROM analysis.attributions sp WHERE sp.article_id = i.article_id " +
                $"AND sp.speaker_id = {sql.Parameter(speakerId)})");
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            sql.SearchText = sql.Parameter(filter.Query);
            sql.Where(sql.TextSearch!);
        }
    }

    public static List<BadRequest.Types.FieldViolation> Validate(ArticleFilter filter, string field)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        void Add(string name, string description) =>
            violations.Add(new BadRequest.Types.FieldViolation { Field = $"{field}.{name}", Description = description });

        if (filter.StoryId.Length > 0 && !Guid.TryParse(filter.StoryId, out _))
        {
            Add("story_id", $"'{filter.StoryId}' is not a story id.");
        }
        if (filter.SpeakerId.Length > 0 && !Guid.TryParse(filter.SpeakerId, out _))
        {
            Add("speaker_id", $"'{filter.SpeakerId}' is not a speaker id.");
        }
        foreach (var (name, time) in new[] { ("start_time", filter.StartTime), ("end_time", filter.EndTime) })
        {
            if (time is not null && !RequestValues.IsValid(time))
            {
                Add(name, "Not a valid timestamp (from year 1 to 9999, nanos from 0 to 999,999,999).");
            }
        }
        if (filter.StartTime is { } start && filter.EndTime is { } end && start.CompareTo(end) >= 0)
        {
            Add("end_time", "Must be after start_time.");
        }
        if (filter.HasMinAnonymousShare && !(filter.MinAnonymousShare is >= 0 and <= 1))
        {
            Add("min_anonymous_share", $"Must be from 0 to 1; was {filter.MinAnonymousShare}.");
        }
        if (filter.Query.Length > 1000)
        {
            Add("query", "Must be at most 1000 characters.");
        }
        else if (!RequestValues.IsStorable(filter.Query))
        {
            Add("query", "Must not contain the NUL character (U+0000).");
        }
        for (var i = 0; i < filter.Outlets.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(filter.Outlets[i]))
            {
                Add($"outlets[{i}]", "Must not be empty.");
            }
            else if (!RequestValues.IsStorable(filter.Outlets[i]))
            {
                Add($"outlets[{i}]", "Must not contain the NUL character (U+0000).");
            }
        }
        return violations;
    }
}
