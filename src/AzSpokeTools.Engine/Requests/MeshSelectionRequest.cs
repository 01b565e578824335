using System;
using System.Collections.Generic;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Requests
{
    /// <summary>
    /// What Test-MeshReadiness and Convert-HairpinToMesh share: the snapshot, the VNets selected for the mesh (by name,
    /// tag, existing network group and region; default all spokes) and the connected-group options.
    /// </summary>
    public abstract class MeshSelectionRequest
    {
        /// <summary>Snapshot file, directory or sample:NAME (ignored when <see cref="Topology"/> is set).</summary>
        public string? Snapshot { get; set; }
        /// <summary>An already loaded topology; takes precedence over a snapshot.</summary>
        public Topology? Topology { get; set; }
        /// <summary>VNet names, patterns or ids.</summary>
        public IReadOnlyList<string> VirtualNetwork { get; set; } = Array.Empty<string>();
        /// <summary>Tags K=V (every one must match).</summary>
        public IReadOnlyList<string> Tag { get; set; } = Array.Empty<string>();
        /// <summary>An existing network group by name or id.</summary>
        public string? NetworkGroup { get; set; }
        /// <summary>Regions to keep.</summary>
        public IReadOnlyList<string> Region { get; set; } = Array.Empty<string>();
        /// <summary>High-scale connected group.</summary>
        public bool HighScale { get; set; }
        /// <summary>High-scale private endpoints.</summary>
        public bool HighScalePrivateEndpoints { get; set; }
        /// <summary>Global mesh; null decides from the regions.</summary>
        public bool? Global { get; set; }
        /// <summary>Connected-group cap (default 250).</summary>
        public int? ConnectedGroupLimit { get; set; }
        /// <summary>High-scale connected-group cap (default 3,000).</summary>
        public int? HighScaleConnectedGroupLimit { get; set; }
        /// <summary>Existing network manager (name or id), or the id of one to create; default: the only one in the snapshot, else a new one.</summary>
        public string? NetworkManager { get; set; }

        internal MeshSelectionCriteria Criteria() => new MeshSelectionCriteria
        {
            VirtualNetwork = VirtualNetwork ?? Array.Empty<string>(),
            Tag = Tag ?? Array.Empty<string>(),
            NetworkGroup = NetworkGroup,
            Region = Region ?? Array.Empty<string>(),
        };

        internal MeshReadinessOptions Options()
        {
            var o = new MeshReadinessOptions { HighScale = HighScale, HighScalePrivateEndpoints = HighScalePrivateEndpoints, Global = Global, NetworkManager = NetworkManager };
            if (ConnectedGroupLimit is int l)
            {
                if (l < 2) throw new EngineInputException("ConnectedGroupLimit", "the connected-group limit must be at least 2");
                o.ConnectedGroupLimit = l;
            }
            if (HighScaleConnectedGroupLimit is int h)
            {
                if (h < 2) throw new EngineInputException("HighScaleConnectedGroupLimit", "the high-scale connected-group limit must be at least 2");
                o.HighScaleConnectedGroupLimit = h;
            }
            return o;
        }

    }
}
