using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sourcing.Query.Data;

namespace Sourcing.Query.Migrations;

/// <summary>
/// query.outlet_totals: all-time sourcing counts and distinct speakers per outlet, kept by triggers on
/// query.sourcing_daily and query.speaker_outlet.
/// </summary>
[DbContext(typeof(QueryDbContext))]
[Migration("20261124090000_OutletTotals")]
public sealed class OutletTotals : SqlMigration;
