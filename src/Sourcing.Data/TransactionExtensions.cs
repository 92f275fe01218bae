using Microsoft.EntityFrameworkCore;

namespace Sourcing.Data;

/// <summary>Explicit transactions that the retrying execution strategy can replay as a whole.</summary>
public static class TransactionExtensions
{
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            // A failed statement fails the whole transaction, which the strategy replays from the start: a savepoint
            // around each SaveChanges would only add two round trips, and when a cancelled call breaks the connection
            // its rollback fails and logs an error.
            db.Database.AutoSavepointsEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await work(ct);
            // Finished work is committed even if the call was cancelled meanwhile: rolling it back gains nothing (a retry
            // of the same items is idempotent), and a commit cancelled in flight breaks the connection and logs an error.
            await transaction.CommitAsync(CancellationToken.None);
        }, cancellationToken);
}
