namespace AzSpokeTools.Engine.Tests.Paths;

/// <summary>
/// src reaches dst only through a chain of <c>stages</c> appliance subnets, each with <c>width</c> NVAs (ECMP): a trace
/// has width^stages equal-cost paths. Shared by the bounded-tracing tests and the CLI's fails-well test.
/// </summary>
internal static class ApplianceChain
{
    public static SmallEstate Estate(int stages, int width = 1)
    {
        static string Ip(int stage, int i)
        {
            uint a = (10u << 24) | (64u << 16) | (uint)(stage * 16 + 4 + i);
            return $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}";
        }
        static string Subnet(int stage)
        {
            uint a = (10u << 24) | (64u << 16) | (uint)(stage * 16);
            return $"{a >> 24}.{(a >> 16) & 255}.{(a >> 8) & 255}.{a & 255}/28";
        }
        string Stage(int stage) => string.Join(",", Enumerable.Range(0, width).Select(i => Ip(stage, i)));
        var e = new SmallEstate()
            .Vnet("src", "10.1.0.0/16", "westeurope", ("workload", "10.1.0.0/24", "rt-src"))
            .Vnet("dst", "10.2.0.0/16", "westeurope", ("workload", "10.2.0.0/24", null))
            .Vnet("chain", "10.64.0.0/10", "westeurope", Enumerable.Range(0, stages)
                .Select(k => ($"a{k}", Subnet(k), k < stages - 1 ? $"rt-a{k}" : null)).ToArray())
            .Peer("src", "chain").Peer("chain", "dst")
            .RouteTable("rt-src", ("to-chain", "10.2.0.0/16", "VirtualAppliance", Stage(0)));
        for (int k = 0; k < stages; k++)
        {
            for (int i = 0; i < width; i++) e.Nic($"nva-{k}-{i}", "chain", $"a{k}", Ip(k, i), true);
            if (k < stages - 1) e.RouteTable($"rt-a{k}", ("next", "10.2.0.0/16", "VirtualAppliance", Stage(k + 1)));
        }
        return e;
    }
}
