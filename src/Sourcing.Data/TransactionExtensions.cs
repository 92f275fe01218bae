using Microsoft.EntityFrameworkCore;

namespace Sourcing.Data;

/// <summary>Explicit transactions that the retrying execution strategy can replay as a whole.</summary>
public static class TransactionExtensions
{
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await work(ct);
            await transaction.CommitAsync(ct);
        }, cancellationToken);
}
