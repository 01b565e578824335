using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Routing;

namespace AzSpokeTools.Engine.Readiness
{
    /// <summary>Runs every readiness rule over a selection and collects the findings in a stable order.</summary>
    internal sealed class ReadinessChecker
    {
        private readonly List<ReadinessFinding> _findings = new List<ReadinessFinding>();

        public ReadinessChecker(Topology topology, MeshSelection selection, MeshReadinessOptions options)
        {
            Topology = topology;
            Selection = selection;
            Options = options;
            Routing = new RoutingContext(topology);
            Members = selection.Members;
            MemberIds = new HashSet<ResourceId>(Members.Select(m => m.Id));
            Regions = Members.Select(m => m.Location).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(r => r, StringComparer.Ordinal).ToList();
            Manager = NetworkManagerChoice.Choose(topology, selection, options);
            Deployments = AvnmDeploymentState.Of(topology.NetworkManagers.FirstOrDefault(m => m.Id == Manager.Id));
            Adoption = ExistingMeshRules.Decide(this);
            // Azure docs, "Connectivity configurations in Azure Virtual Network Manager" > "Mesh": a mesh is regional unless global mesh is enabled.
            // An adopted configuration decides it: the waves must connect what it will connect.
            Global = Adoption.Configuration is ConnectivityConfiguration adopted
                ? adopted.IsGlobal || adopted.AppliesToGroups.Any(i => i.IsGlobal)
                : options.Global ?? Regions.Count > 1;
        }

        public Topology Topology { get; }
        public MeshSelection Selection { get; }
        public MeshReadinessOptions Options { get; }
        public RoutingContext Routing { get; }
        public IReadOnlyList<VirtualNetwork> Members { get; }
        public HashSet<ResourceId> MemberIds { get; }
        public IReadOnlyList<string> Regions { get; }
        /// <summary>Whether the planned mesh is global (an adopted configuration's setting, given, or decided from the regions).</summary>
        public bool Global { get; }
        /// <summary>The network manager the mesh would use.</summary>
        public PlannedNetworkManager Manager { get; }
        /// <summary>What that manager has committed per region (only Deployed commits make configurations active).</summary>
        public AvnmDeploymentState Deployments { get; }
        /// <summary>The adopt-or-refuse decision about existing configurations covering selected VNets.</summary>
        public MeshAdoption Adoption { get; }

        /// <summary>The route impacts found by <see cref="UserRouteRules"/> (the migration plan reuses them).</summary>
        public List<RouteImpact> RouteImpacts { get; } = new List<RouteImpact>();

        /// <summary>True when a mesh would connect the two members (same region, or a global mesh).</summary>
        public bool MeshConnects(VirtualNetwork a, VirtualNetwork b) =>
            Global || string.Equals(a.Location, b.Location, StringComparison.OrdinalIgnoreCase);

        public void Add(string ruleId, ReadinessSeverity severity, string resourceId, string message, Evidence evidence, string fix, params string[] related) =>
            _findings.Add(new ReadinessFinding(ruleId, severity, resourceId, message, evidence, fix, related));

        public ReadinessReport Run()
        {
            GroupLimitRules.Check(this);
            PrivateEndpointRules.Check(this);
            AddressOverlapRules.Check(this);
            UserRouteRules.Check(this);
            MemberCaveatRules.Check(this);
            RouteServerRules.Check(this);
            ManagerScopeRules.Check(this);
            ExpressRoutePrefixRules.Check(this);
            ExistingMeshRules.Check(this);
            var ordered = _findings
                .OrderBy(f => f.RuleId, StringComparer.Ordinal)
                .ThenBy(f => f.ResourceId, StringComparer.OrdinalIgnoreCase)
                .ThenBy(f => f.Message, StringComparer.Ordinal)
                .ToList();
            return new ReadinessReport(Selection, Options, ordered, Adoption);
        }

        internal static string Names(IEnumerable<VirtualNetwork> vnets) => string.Join(", ", vnets.Select(v => v.Name));
    }
}
