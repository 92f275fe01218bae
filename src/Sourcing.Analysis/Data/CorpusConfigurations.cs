using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Analysis.Data;

internal sealed class AnalysisRunConfiguration : IEntityTypeConfiguration<AnalysisRun>
{
    public void Configure(EntityTypeBuilder<AnalysisRun> run)
    {
        run.ToTable("analyses");
        run.HasKey(r => r.Id);
        run.Property(r => r.Id).ValueGeneratedNever();
        run.HasIndex(r => new { r.ArticleId, r.EngineVersion }).IsUnique();
    }
}

internal sealed class ArticleTextConfiguration : IEntityTypeConfiguration<ArticleText>
{
    public void Configure(EntityTypeBuilder<ArticleText> text)
    {
        text.ToTable("article_texts");
        text.HasKey(t => t.ArticleId);
        text.Property(t => t.ArticleId).ValueGeneratedNever();
        text.HasIndex(t => new { t.Outlet, t.ArticleId });
        text.HasIndex(t => t.PublishedAt);
    }
}

internal sealed class SpeakerConfiguration : IEntityTypeConfiguration<Speaker>
{
    public void Configure(EntityTypeBuilder<Speaker> speaker)
    {
        speaker.ToTable("speakers");
        speaker.HasKey(s => s.Id);
        speaker.Property(s => s.Id).ValueGeneratedNever();
        speaker.HasIndex(s => s.BlockKey);
        speaker.HasIndex(s => s.Name);
        // Speakers read before the corpus lock are brought up to date with those numbered after them.
        speaker.Property(s => s.ChangeSeq).HasDefaultValueSql("nextval('analysis.speaker_changes')").ValueGeneratedOnAdd();
        speaker.HasIndex(s => s.ChangeSeq);
    }
}

internal sealed class SpeakerAliasConfiguration : IEntityTypeConfiguration<SpeakerAlias>
{
    public void Configure(EntityTypeBuilder<SpeakerAlias> alias)
    {
        alias.ToTable("speaker_aliases");
        alias.HasKey(a => new { a.SpeakerId, a.Alias });
        alias.HasIndex(a => a.Alias);
        alias.HasOne<Speaker>().WithMany().HasForeignKey(a => a.SpeakerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnonymousSourceConfiguration : IEntityTypeConfiguration<AnonymousSource>
{
    public void Configure(EntityTypeBuilder<AnonymousSource> source)
    {
        source.ToTable("anonymous_sources");
        source.HasKey(s => s.Id);
        source.Property(s => s.Id).ValueGeneratedNever();
        source.HasIndex(s => s.ArticleId);
        source.HasIndex(s => s.NormalizedDescriptor);
        source.HasOne<AnalysisRun>().WithMany().HasForeignKey(s => s.AnalysisId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> story)
    {
        story.ToTable("stories");
        story.HasKey(s => s.Id);
        story.Property(s => s.Id).ValueGeneratedNever();
        story.HasIndex(s => s.LastTime);
    }
}

internal sealed class ArticleStoryConfiguration : IEntityTypeConfiguration<ArticleStory>
{
    public void Configure(EntityTypeBuilder<ArticleStory> article)
    {
        article.ToTable("article_stories");
        article.HasKey(a => a.ArticleId);
        article.Property(a => a.ArticleId).ValueGeneratedNever();
        article.HasIndex(a => a.StoryId);
        article.HasIndex(a => a.StoryTime);
        // Candidate articles share a heavy term within the window: term_keys && @window_keys. The pending list keeps
        // inserts (made under the corpus lock) cheap; at 1 MB rather than 4, the queries that scan it stay cheap too.
        article.HasIndex(a => a.TermKeys).HasMethod("gin").HasStorageParameter("gin_pending_list_limit", 1024);
        // Candidates read before the corpus lock are brought up to date with the rows numbered after them.
        article.Property(a => a.ChangeSeq).UseIdentityByDefaultColumn();
        article.HasIndex(a => a.ChangeSeq);
        article.HasOne<Story>().WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StoryTermConfiguration : IEntityTypeConfiguration<StoryTerm>
{
    public void Configure(EntityTypeBuilder<StoryTerm> term)
    {
        term.ToTable("story_terms");
        term.HasKey(t => t.Term);
    }
}

internal sealed class ReanalysisJobConfiguration : IEntityTypeConfiguration<ReanalysisJob>
{
    public void Configure(EntityTypeBuilder<ReanalysisJob> job)
    {
        job.ToTable("reanalysis_jobs");
        job.HasKey(j => j.Id);
        job.Property(j => j.Id).ValueGeneratedNever();
        job.HasIndex(j => j.RequestId).IsUnique();
        job.HasIndex(j => new { j.State, j.CreatedAt });
    }
}
