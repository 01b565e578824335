using AzSpokeTools.Engine.Snapshot;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/virtualWans.</summary>
    public sealed class VirtualWan : AzureResource
    {
        public string? WanType { get; internal set; }
        public bool? AllowBranchToBranchTraffic { get; internal set; }

        internal static VirtualWan Read(JsonNode n, ResourceId id, string type)
        {
            var w = new VirtualWan();
            w.ReadCommon(n, id, type);
            w.WanType = n.Str("type", "virtualWanType");
            w.AllowBranchToBranchTraffic = n.Bool("allowBranchToBranchTraffic");
            return w;
        }
    }
}
