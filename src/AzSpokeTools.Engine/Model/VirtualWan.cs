using AzSpokeTools.Engine.Input;

namespace AzSpokeTools.Engine.Model
{
    /// <summary>Microsoft.Network/virtualWans.</summary>
    public sealed class VirtualWan : AzureResource
    {
        /// <summary>Basic or Standard.</summary>
        public string? WanType { get; internal set; }
        /// <summary>True when branch-to-branch traffic is allowed.</summary>
        public bool? AllowBranchToBranchTraffic { get; internal set; }

        internal static VirtualWan Read(ArmValue n, ResourceId id, string type)
        {
            var w = new VirtualWan();
            w.ReadCommon(n, id, type);
            // ARM: properties.type ("Basic"/"Standard"). Flattened shapes put the resource type in "type",
            // so a value with '/' is not the WAN type; az names it typePropertiesType, Az.Network VirtualWANType.
            var wanType = n.Get("properties")?.Own("type")?.AsString();
            if (wanType == null || wanType.IndexOf('/') >= 0) wanType = n.Str("virtualWanType", "typePropertiesType");
            w.WanType = wanType;
            w.AllowBranchToBranchTraffic = n.Bool("allowBranchToBranchTraffic");
            return w;
        }
    }
}
