using AzSpokeTools.Engine.Evaluation;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace AzSpokeTools.Engine.Tests.Evaluation;

public class CompiledRouteTablePropertyTests
{
    /// <summary>10,000 random tables of 0-64 routes, 16-32 destinations each.</summary>
    private const int Cases = 10_000;

    [Fact]
    public void CompiledLookupAgreesWithScalarReferenceForEveryDestination()
    {
        var property = Prop.ForAll(RouteTableCases.Case.ToArbitrary(), AssertAgrees);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithQuietOnSuccess(true), property);
    }

    private static void AssertAgrees(RouteTableCase c)
    {
        var table = CompiledRouteTable.Compile(c.Routes);
        Assert.Equal(c.Routes.Count, table.RouteCount);

        var destinations = c.Destinations.ToArray();
        var batch = new int[destinations.Length];
        table.LookupBatch(destinations, batch);

        // The IPv4-only batch overload over the IPv4 destinations of the case.
        var v4 = destinations.Where(d => !d.IsV6).ToArray();
        var v4Batch = new int[v4.Length];
        table.LookupBatch(v4.Select(d => d.V4).ToArray(), v4Batch);
        int v4Index = 0;

        for (int i = 0; i < destinations.Length; i++)
        {
            var d = destinations[i];
            var expected = ScalarRouteLookup.Lookup(c.Routes, d);
            int single = table.Lookup(d);
            Assert.True(expected.SequenceEqual(table.GetWinners(single)),
                $"{d}: scalar [{string.Join(",", expected)}], compiled [{string.Join(",", table.GetWinners(single))}]");
            Assert.Equal(single, batch[i]);
            Assert.Equal(expected.Count == 0, single == CompiledRouteTable.NoRoute);
            if (!d.IsV6)
            {
                Assert.Equal(single, table.Lookup(d.V4));
                Assert.Equal(single, v4Batch[v4Index++]);
            }
        }
    }
}
