using System.Text;
using System.Text.Json.Nodes;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Paths;
using AzSpokeTools.Engine.Snapshot;
using AzSpokeTools.Tests.Shared;

namespace AzSpokeTools.Engine.Tests.Migration;

/// <summary>Replays a plan's ARM writes through the apply runner onto the test-side ARM simulator, and reads the result back.</summary>
internal sealed class WaveReplay : IArmRequestSender
{
    public WaveReplay(string snapshotJson) => Arm = new ArmWriteSimulator(snapshotJson);

    public ArmWriteSimulator Arm { get; }

    public ArmReply Send(string method, string pathAndQuery, JsonObject? body)
    {
        var (status, reply, error) = Arm.Handle(method, pathAndQuery.Split('?')[0], body);
        return new ArmReply(status, reply, error);
    }

    public void Wait(TimeSpan delay) { }

    /// <summary>Approves every write; records the warnings.</summary>
    public sealed class Approve : IEngineHost
    {
        public List<string> Warnings { get; } = new();
        public List<string> Asked { get; } = new();
        public void Warning(string message) => Warnings.Add(message);
        public void Verbose(string message) { }
        public void Progress(string activity, string status, int percent) { }
        public bool ShouldProcess(string target, string action) { Asked.Add(target + ": " + action); return true; }
    }

    /// <summary>Applies waves 1..<paramref name="wave"/> (or the decommission phase) and returns the runner's result.</summary>
    public MeshApplyResult Apply(MigrationPlan plan, int wave, bool decommission = false, DateTimeOffset? now = null) =>
        MeshApplyRunner.Run(decommission ? MeshApplyPlan.ForDecommission(plan) : MeshApplyPlan.Create(plan, wave), this, new Approve(), TimeSpan.Zero, 5, now);

    /// <summary>The simulated estate as the engine loads it.</summary>
    public Topology Topology() => SnapshotLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Arm.Snapshot())), "simulated.json");

    /// <summary>Every ordered VNet pair's path (by VNet name) in <paramref name="t"/>.</summary>
    public static Dictionary<(string From, string To), PairPath> Paths(Topology t)
    {
        var matrix = new PathMatrix(t);
        var result = new Dictionary<(string, string), PairPath>();
        foreach (var row in matrix.Rows())
            result[(matrix.Endpoints[row.Source].VirtualNetwork.Name, matrix.Endpoints[row.Destination].VirtualNetwork.Name)] =
                new PairPath(row.Summary.Outcome, row.Summary.Kind, row.Summary.Transits.ToList());
        return result;
    }
}
