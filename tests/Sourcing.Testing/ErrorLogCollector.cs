using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Sourcing.Testing;

/// <summary>Collects every error a host logs, so a test fails on errors it did not expect.</summary>
public sealed class ErrorLogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentBag<Func<string, bool>> _expected = [];

    public IReadOnlyList<string> Errors => [.. _errors];

    public void Expect(Func<string, bool> expected) => _expected.Add(expected);

    public IReadOnlyList<string> Unexpected() => [.. _errors.Where(e => !_expected.Any(x => x(e)))];

    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Collector(ErrorLogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._errors.Enqueue($"[{category}] {formatter(state, exception)} {exception?.GetType().Name}: {exception?.Message}");
            }
        }
    }
}
