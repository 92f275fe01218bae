using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sourcing.Query.Data;

namespace Sourcing.Query.Migrations;

/// <summary>
/// The full-text index also keys each article by its 28-day period (btree_gin), so that a search can take its matches
/// one period at a time, newest first, instead of reading every match to sort them by time.
/// </summary>
[DbContext(typeof(QueryDbContext))]
[Migration("20261125090000_SearchPeriods")]
public sealed class SearchPeriods : SqlMigration;
