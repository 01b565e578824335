using AzSpokeTools.Tests.Shared;

namespace AzSpokeTools.Azure.Tests.FakeArm;

/// <summary>The public ARM examples beside the repository; tests that include them are <see cref="CorpusFactAttribute"/>s.</summary>
public static class Corpus
{
    public static string ArmExamplesDirectory() => SharedCorpus.ArmExamples;
}
