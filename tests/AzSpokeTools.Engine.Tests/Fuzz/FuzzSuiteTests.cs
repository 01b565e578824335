using AzSpokeTools.Fuzz;
using Xunit;
using Xunit.Abstractions;

namespace AzSpokeTools.Engine.Tests.Fuzz;

/// <summary>
/// The fast, deterministic run of the in-process fuzz suite (tests/AzSpokeTools.Fuzz; issue 16): structure-aware mutants of the
/// bundled samples, the public ARM examples when ../shared/corpus is present, intent files and service-tag files, each driven
/// through every engine request (and every tenth through the CLI). Every mutant must end in a result or one of the engine's
/// error types: never another exception, a hang past the case budget, or unbounded allocation; the CLI must exit 0, 1 or 2
/// and write no raw control character. The long run is <c>dotnet run -c Release --project tests/AzSpokeTools.Fuzz -- --mutants 50000</c>.
/// </summary>
public class FuzzSuiteTests(ITestOutputHelper output)
{
    private void AssertNoneUnexpected(FuzzOptions options)
    {
        var report = FuzzRun.Run(options);
        output.WriteLine(report.ToString());
        Assert.Equal(options.Mutants, report.Cases);
        Assert.True(report.Failures.Count == 0, report.ToString());
    }

    [Fact]
    public void TwoThousandSampleMutantsEndInAResultOrAnEngineError() =>
        AssertNoneUnexpected(new FuzzOptions { Target = FuzzTarget.Samples, Mutants = 2_000, Seed = 16, CliEvery = 10 });

    [Fact]
    public void IntentFileMutantsEndInAResultOrAnIntentFileError() =>
        AssertNoneUnexpected(new FuzzOptions { Target = FuzzTarget.Intent, Mutants = 600, Seed = 16, CliEvery = 10 });

    [Fact]
    public void ServiceTagFileMutantsEndInAResultOrABadServiceTagFile() =>
        AssertNoneUnexpected(new FuzzOptions { Target = FuzzTarget.ServiceTags, Mutants = 200, Seed = 16, CliEvery = 0 });

    [CorpusFact]
    public void PublicArmExampleMutantsEndInAResultOrAnEngineError() =>
        AssertNoneUnexpected(new FuzzOptions { Target = FuzzTarget.Corpus, Mutants = 400, Seed = 16, CliEvery = 10, CorpusDirectory = CorpusFactAttribute.Directory });

    [Fact]
    public void MutantsAreDeterministicForASeed()
    {
        var a = FuzzRun.Run(new FuzzOptions { Target = FuzzTarget.Samples, Mutants = 50, Seed = 7, CliEvery = 0 });
        var b = FuzzRun.Run(new FuzzOptions { Target = FuzzTarget.Samples, Mutants = 50, Seed = 7, CliEvery = 0 });
        Assert.Equal(a.Counts, b.Counts);
        Assert.True(a.Counts.Count > 5, "the mutants should spread over the mutation classes");
    }

    [Fact]
    public void AMutantThatThrowsAnotherExceptionIsReportedWithItsCaseIndex()
    {
        // The checker itself: raw output and a foreign exception type are caught (the CLI's unsafe-character check).
        Assert.Equal(3, FuzzRun.UnsafeCharacter("ab\n\u001b"));
        Assert.Equal(1, FuzzRun.UnsafeCharacter("a\u202eb"));
        Assert.Null(FuzzRun.UnsafeCharacter("a\r\nb\\u001B"));
        Assert.False(FuzzRun.IsEngineError(new InvalidOperationException()));
        Assert.True(FuzzRun.IsEngineError(new Engine.Intent.IntentFileException("f", "$", "m")));
    }

    /// <summary>A fact that needs ../shared/corpus/arm-examples; skipped, saying so, when it is absent.</summary>
    private sealed class CorpusFactAttribute : FactAttribute
    {
        public static string? Directory => FuzzRun.FindCorpus(AppContext.BaseDirectory);

        public CorpusFactAttribute()
        {
            if (Directory == null) Skip = "../shared/corpus/arm-examples is not present: the public ARM examples are not fuzzed (the samples are)";
        }
    }
}
