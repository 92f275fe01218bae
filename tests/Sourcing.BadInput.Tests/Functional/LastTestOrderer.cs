using Xunit.Abstractions;
using Xunit.Sdk;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>Runs the test methods marked <see cref="RunsLastAttribute"/> after all the others of their class.</summary>
public sealed class LastTestOrderer : ITestCaseOrderer
{
    public const string TypeName = "Sourcing.BadInput.Tests.Functional.LastTestOrderer";
    public const string AssemblyName = "Sourcing.BadInput.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(c => c.TestMethod.Method.GetCustomAttributes(typeof(RunsLastAttribute)).Any() ? 1 : 0);
}

/// <summary>Marks a test that checks what the class's other tests left behind.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RunsLastAttribute : Attribute;
