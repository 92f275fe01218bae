using Microsoft.EntityFrameworkCore;
using Sourcing.Data;

namespace Sourcing.Analysis.Data;

/// <summary>
/// The analysis service's schema: per-article analyses and their attributions, the articles' texts, speaker
/// entities and their aliases, anonymous sources, stories, and reanalysis jobs.
/// </summary>
public sealed class AnalysisDbContext(DbContextOptions<AnalysisDbContext> options) : DbContext(options)
{
    public const string Schema = "analysis";

    public DbSet<ArticleAnalysis> Analyses => Set<ArticleAnalysis>();

    public DbSet<StoredAttribution> Attributions => Set<StoredAttribution>();

    public DbSet<AnalysisRun> Runs => Set<AnalysisRun>();

    public DbSet<ArticleText> Texts => Set<ArticleText>();

    public DbSet<Speaker> Speakers => Set<Speaker>();

    public DbSet<SpeakerAlias> SpeakerAliases => Set<SpeakerAlias>();

    public DbSet<AnonymousSource> AnonymousSources => Set<AnonymousSource>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<ArticleStory> ArticleStories => Set<ArticleStory>();

    public DbSet<StoryTerm> StoryTerms => Set<StoryTerm>();

    public DbSet<ReanalysisJob> ReanalysisJobs => Set<ReanalysisJob>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.HasSequence<long>("speaker_changes");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnalysisDbContext).Assembly);
        SnakeCaseNaming.Apply(modelBuilder);
    }
}
