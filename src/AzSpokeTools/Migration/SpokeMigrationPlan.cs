using System.Linq;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Output;
using AzSpokeTools.Readiness;

namespace AzSpokeTools.Migration
{
    /// <summary>
    /// Convert-HairpinToMesh: the migration plan as PowerShell shows it (the full document is plan.json with -OutputPath):
    /// the AVNM resources, the waves, the route-table changes and gateway toggles, the before/after what-if and what blocks it.
    /// </summary>
    public sealed class SpokeMigrationPlan
    {
        internal SpokeMigrationPlan(MigrationPlan p, string? outputPath)
        {
            Ready = p.Readiness.Ready;
            NetworkManager = p.NetworkManager.Name;
            NetworkGroup = p.NetworkGroup.Name;
            ConnectivityConfiguration = p.Configuration.Name;
            VirtualNetworks = Delimited.Texts(p.Selection.Members.Select(m => m.Name));
            Regions = Delimited.Texts(p.Regions);
            Waves = Delimited.List(p.Waves.Select(w => new SpokeMigrationWave(w)));
            RouteTableChanges = Delimited.List(p.RouteTableChanges.Select(c => new SpokeRouteTableChange(c)));
            GatewayToggles = Delimited.List(p.GatewayToggles.Select(g => new SpokeGatewayToggle(g)));
            WhatIf = p.WhatIf == null ? null : new SpokeMigrationWhatIf(p.WhatIf);
            Readiness = new SpokeReadinessReport(p.Readiness);
            Blockers = Delimited.Texts(p.Blockers);
            OutputPath = outputPath;
        }

        /// <summary>True when no readiness finding is an error.</summary>
        public bool Ready { get; }
        /// <summary>The AVNM network manager used or created.</summary>
        public string NetworkManager { get; }
        /// <summary>The network group of the mesh members.</summary>
        public string NetworkGroup { get; }
        /// <summary>The mesh connectivity configuration.</summary>
        public string ConnectivityConfiguration { get; }
        /// <summary>The VNets to mesh.</summary>
        public DelimitedList<string> VirtualNetworks { get; }
        /// <summary>Regions of the members.</summary>
        public DelimitedList<string> Regions { get; }
        /// <summary>The waves, pilot first.</summary>
        public DelimitedList<SpokeMigrationWave> Waves { get; }
        /// <summary>User-defined routes to change, and when.</summary>
        public DelimitedList<SpokeRouteTableChange> RouteTableChanges { get; }
        /// <summary>ExpressRoute gateway settings to change after the last wave.</summary>
        public DelimitedList<SpokeGatewayToggle> GatewayToggles { get; }
        /// <summary>Path kinds before and after the fully applied plan; null when not computed.</summary>
        public SpokeMigrationWhatIf? WhatIf { get; }
        /// <summary>The readiness report the plan is built on.</summary>
        public SpokeReadinessReport Readiness { get; }
        /// <summary>Why the plan must not be applied as it is; empty when it can be.</summary>
        public DelimitedList<string> Blockers { get; }
        /// <summary>The directory plan.json and the IaC files were written to (-OutputPath), or null.</summary>
        public string? OutputPath { get; }

        /// <inheritdoc />
        public override string ToString() => $"{NetworkGroup}: {VirtualNetworks.Count} VNets in {Waves.Count} wave(s)" + (Blockers.Count > 0 ? $"; blocked ({Blockers.Count})" : "");
    }

    /// <summary>One wave of the migration.</summary>
    public sealed class SpokeMigrationWave
    {
        internal SpokeMigrationWave(MigrationWave w)
        {
            Number = w.Number;
            Name = w.Name;
            VirtualNetworks = Delimited.Texts(w.Members.Select(m => m.Name));
            Regions = Delimited.Texts(w.Regions);
            Why = w.Why;
            WithinLimits = w.WithinLimits;
            Rollback = Delimited.Texts(w.Rollback.Commands);
        }

        /// <summary>1 for the pilot.</summary>
        public int Number { get; }
        /// <summary>The wave's name.</summary>
        public string Name { get; }
        /// <summary>VNets that join in this wave.</summary>
        public DelimitedList<string> VirtualNetworks { get; }
        /// <summary>Regions committed in this wave.</summary>
        public DelimitedList<string> Regions { get; }
        /// <summary>Why these VNets go together.</summary>
        public string Why { get; }
        /// <summary>False when the wave would exceed a connected-group limit.</summary>
        public bool WithinLimits { get; }
        /// <summary>Commands that undo the wave.</summary>
        public DelimitedList<string> Rollback { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Number} {Name} ({VirtualNetworks.Count})";
    }

    /// <summary>A user-defined route the migration changes.</summary>
    public sealed class SpokeRouteTableChange
    {
        internal SpokeRouteTableChange(RouteTableChange c)
        {
            Action = c.Action.ToString();
            RouteTable = c.RouteTable.Name;
            Route = c.Route.Name;
            AddressPrefix = c.Route.AddressPrefix;
            Wave = c.Wave;
            Reason = c.Reason;
        }

        /// <summary>What to do with the route.</summary>
        public string Action { get; }
        /// <summary>The route table.</summary>
        public string RouteTable { get; }
        /// <summary>The route's name.</summary>
        public string Route { get; }
        /// <summary>The route's prefix.</summary>
        public string AddressPrefix { get; }
        /// <summary>The wave after which the change is made.</summary>
        public int Wave { get; }
        /// <summary>Why.</summary>
        public string Reason { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Action} {RouteTable}/{Route} {AddressPrefix} (wave {Wave})";
    }

    /// <summary>An ExpressRoute gateway setting (allowRemoteVnetTraffic) to change once the mesh carries the traffic.</summary>
    public sealed class SpokeGatewayToggle
    {
        internal SpokeGatewayToggle(GatewayToggle g)
        {
            Gateway = g.Gateway.Name;
            GatewayId = g.Gateway.Id.Value;
            Property = g.Property;
            Current = g.Current;
            During = g.During;
            After = g.After;
            Command = g.Command;
        }

        /// <summary>The gateway's name.</summary>
        public string Gateway { get; }
        /// <summary>The gateway's resource id.</summary>
        public string GatewayId { get; }
        /// <summary>The setting.</summary>
        public string Property { get; }
        /// <summary>Its value in the snapshot, or null when not captured.</summary>
        public bool? Current { get; }
        /// <summary>What to do during the migration.</summary>
        public string During { get; }
        /// <summary>What to do after it.</summary>
        public string After { get; }
        /// <summary>The command that makes the change.</summary>
        public string Command { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Gateway} {Property}";
    }

    /// <summary>Path kinds of every member pair before and after the fully applied plan.</summary>
    public sealed class SpokeMigrationWhatIf
    {
        internal SpokeMigrationWhatIf(MigrationWhatIf w)
        {
            Pairs = Delimited.List(w.Pairs.Select(p => new SpokePairChange(p)));
            BeforeByKind = Delimited.Map(w.BeforeByKind);
            AfterByKind = Delimited.Map(w.AfterByKind);
            Transitions = Delimited.Map(w.Transitions);
            LosingConnectivity = Delimited.List(Pairs.Where(p => p.LosesConnectivity));
            LosingInspection = Delimited.List(Pairs.Where(p => p.LosesInspection));
            ElapsedMs = w.ElapsedMs;
        }

        /// <summary>Every ordered member pair.</summary>
        public DelimitedList<SpokePairChange> Pairs { get; }
        /// <summary>Pairs per kind before.</summary>
        public DelimitedMap<int> BeforeByKind { get; }
        /// <summary>Pairs per kind after.</summary>
        public DelimitedMap<int> AfterByKind { get; }
        /// <summary>Pairs per change, e.g. "ExpressRouteHairpin -> Mesh".</summary>
        public DelimitedMap<int> Transitions { get; }
        /// <summary>Pairs delivered before and not after.</summary>
        public DelimitedList<SpokePairChange> LosingConnectivity { get; }
        /// <summary>Pairs inspected by an appliance before and not after.</summary>
        public DelimitedList<SpokePairChange> LosingInspection { get; }
        /// <summary>Time the what-if took.</summary>
        public long ElapsedMs { get; }

        /// <inheritdoc />
        public override string ToString() => Transitions.ToString();
    }

    /// <summary>One member pair's path before and after.</summary>
    public sealed class SpokePairChange
    {
        internal SpokePairChange(PairChange p)
        {
            From = p.From.Name;
            To = p.To.Name;
            Before = p.Before.ToString();
            After = p.After.ToString();
            Changed = p.Changed;
            LosesConnectivity = p.LosesConnectivity;
            LosesInspection = p.LosesInspection;
        }

        /// <summary>The source VNet.</summary>
        public string From { get; }
        /// <summary>The destination VNet.</summary>
        public string To { get; }
        /// <summary>The path kind before (Outcome/Kind when not delivered).</summary>
        public string Before { get; }
        /// <summary>The path kind after.</summary>
        public string After { get; }
        /// <summary>True when kind or outcome changes.</summary>
        public bool Changed { get; }
        /// <summary>Delivered before and not after.</summary>
        public bool LosesConnectivity { get; }
        /// <summary>Inspected before and not after.</summary>
        public bool LosesInspection { get; }

        /// <inheritdoc />
        public override string ToString() => $"{From} -> {To}: {Before} -> {After}";
    }
}
