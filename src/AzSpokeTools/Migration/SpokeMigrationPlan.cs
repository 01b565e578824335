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
            Adoption = new SpokeMeshAdoption(p.Adoption);
            Handover = new SpokeMeshHandover(p.Handover);
            WaveMembership = p.WaveMembership;
            NetworkManager = p.NetworkManager.Name;
            NetworkManagerId = p.NetworkManager.Id.Value;
            NetworkGroup = p.NetworkGroup.Name;
            ConnectivityConfiguration = p.Configuration.Name;
            VirtualNetworks = Delimited.Texts(p.Selection.Members.Select(m => m.Name));
            Regions = Delimited.Texts(p.Regions);
            Waves = Delimited.List(p.Waves.Select(w => new SpokeMigrationWave(w)));
            RouteTableChanges = Delimited.List(p.RouteTableChanges.Select(c => new SpokeRouteTableChange(c)));
            GatewayToggles = Delimited.List(p.GatewayToggles.Select(g => new SpokeGatewayToggle(g)));
            Preparation = Delimited.List(p.Preparation.Select(x => new SpokePreparationStep(x)));
            Decommission = p.Decommission == null ? null : new SpokeDecommissionPhase(p.Decommission);
            WhatIf = p.WhatIf == null ? null : new SpokeMigrationWhatIf(p.WhatIf);
            Readiness = new SpokeReadinessReport(p.Readiness);
            Blockers = Delimited.Texts(p.Blockers);
            OutputPath = outputPath;
        }

        /// <summary>True when no readiness finding is an error.</summary>
        public bool Ready { get; }
        /// <summary>What the plan does with existing AVNM state: NewMesh, AdoptConfiguration or Refused, with the reason and fix.</summary>
        public SpokeMeshAdoption Adoption { get; }
        /// <summary>What the final wave hands over to (the adopted configuration, an existing group, a policy group), if anything.</summary>
        public SpokeMeshHandover Handover { get; }
        /// <summary>How the waves hold: which group the members of waves 1..k go into and what each wave commits.</summary>
        public string WaveMembership { get; }
        /// <summary>The AVNM network manager used or created.</summary>
        public string NetworkManager { get; }
        /// <summary>Its resource id.</summary>
        public string NetworkManagerId { get; }
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
        /// <summary>Steps before wave 1 (for example enabling high-scale private endpoints).</summary>
        public DelimitedList<SpokePreparationStep> Preparation { get; }
        /// <summary>The soak and decommission phase (-Decommission); null when not planned.</summary>
        public SpokeDecommissionPhase? Decommission { get; }
        /// <summary>Path kinds before and after the fully applied plan, and per wave; null when not computed.</summary>
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
            CumulativeMembers = w.CumulativeMembers;
            IsHandover = w.IsHandover;
            Regions = Delimited.Texts(w.Regions);
            Commits = Delimited.Texts(w.Commits.Select(c => c.Region + ": " + string.Join(",", c.ConfigurationIds.Select(Delimited.ShortName))));
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
        /// <summary>Members of waves 1..this one.</summary>
        public int CumulativeMembers { get; }
        /// <summary>True for the final wave when it hands over to an existing configuration, group or policy group.</summary>
        public bool IsHandover { get; }
        /// <summary>Regions committed in this wave.</summary>
        public DelimitedList<string> Regions { get; }
        /// <summary>Each region's full commit set after this wave ("region: configuration,..."): only configurations active there.</summary>
        public DelimitedList<string> Commits { get; }
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
            Waves = Delimited.List(w.Waves.Select(x => new SpokeWaveWhatIf(x)));
            Decommission = w.Decommission == null ? null : new SpokeWaveWhatIf(w.Decommission);
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
        /// <summary>Each wave's what-if: the pairs it can change, before and after it.</summary>
        public DelimitedList<SpokeWaveWhatIf> Waves { get; }
        /// <summary>The decommission phase's what-if; null when not planned.</summary>
        public SpokeWaveWhatIf? Decommission { get; }
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
            AsymmetricAfter = p.AsymmetricAfter;
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
        /// <summary>Delivered both ways after, but through different transits (stateful firewalls drop such flows).</summary>
        public bool AsymmetricAfter { get; }

        /// <inheritdoc />
        public override string ToString() => $"{From} -> {To}: {Before} -> {After}";
    }

    /// <summary>One wave's what-if: every pair the wave can change, both directions.</summary>
    public sealed class SpokeWaveWhatIf
    {
        internal SpokeWaveWhatIf(WaveWhatIf w)
        {
            Wave = w.Wave;
            Name = w.Name;
            Pairs = w.Pairs.Count;
            Transitions = Delimited.Map(w.Transitions);
            LosingConnectivity = Delimited.List(w.LosingConnectivity.Select(p => new SpokePairChange(p)));
            LosingInspection = Delimited.List(w.LosingInspection.Select(p => new SpokePairChange(p)));
            AsymmetricAfter = Delimited.List(w.AsymmetricAfter.Select(p => new SpokePairChange(p)));
            ElapsedMs = w.ElapsedMs;
        }

        /// <summary>The wave's number (the decommission phase comes after the last wave).</summary>
        public int Wave { get; }
        /// <summary>The wave's name.</summary>
        public string Name { get; }
        /// <summary>Ordered pairs computed for the wave.</summary>
        public int Pairs { get; }
        /// <summary>Pairs per change, for the pairs whose path changes.</summary>
        public DelimitedMap<int> Transitions { get; }
        /// <summary>Pairs delivered before the wave and not after it.</summary>
        public DelimitedList<SpokePairChange> LosingConnectivity { get; }
        /// <summary>Pairs inspected before the wave and not after it.</summary>
        public DelimitedList<SpokePairChange> LosingInspection { get; }
        /// <summary>Pairs asymmetric after the wave.</summary>
        public DelimitedList<SpokePairChange> AsymmetricAfter { get; }
        /// <summary>Time the wave's pairs took.</summary>
        public long ElapsedMs { get; }

        /// <inheritdoc />
        public override string ToString() => $"wave {Wave} {Name}: {Transitions}";
    }

    /// <summary>What the plan does with existing AVNM state.</summary>
    public sealed class SpokeMeshAdoption
    {
        internal SpokeMeshAdoption(Engine.Readiness.MeshAdoption a)
        {
            Decision = a.Decision.ToString();
            Configuration = a.Configuration?.Id.Value;
            Conflicts = Delimited.Texts(a.Conflicts.Select(c => c.Id.Value));
            Reason = a.Reason;
            Fix = a.Fix;
        }

        /// <summary>NewMesh, AdoptConfiguration or Refused.</summary>
        public string Decision { get; }
        /// <summary>The adopted configuration's id, or null.</summary>
        public string? Configuration { get; }
        /// <summary>Existing configurations that make the plan refuse.</summary>
        public DelimitedList<string> Conflicts { get; }
        /// <summary>Why.</summary>
        public string Reason { get; }
        /// <summary>What to do when refused, or null.</summary>
        public string? Fix { get; }

        /// <inheritdoc />
        public override string ToString() => Decision + ": " + Reason;
    }

    /// <summary>What the final wave hands over to.</summary>
    public sealed class SpokeMeshHandover
    {
        internal SpokeMeshHandover(MeshHandover h)
        {
            Kind = h.Kind.ToString();
            ConfigurationId = h.ConfigurationId?.Value;
            GroupId = h.GroupId?.Value;
            Description = h.Description;
        }

        /// <summary>The kind of handover (none, adopted configuration, existing group, policy group).</summary>
        public string Kind { get; }
        /// <summary>The configuration committed by the final wave, or null.</summary>
        public string? ConfigurationId { get; }
        /// <summary>The group the final wave hands the members to, or null.</summary>
        public string? GroupId { get; }
        /// <summary>What happens.</summary>
        public string Description { get; }

        /// <inheritdoc />
        public override string ToString() => Description;
    }

    /// <summary>A step before wave 1.</summary>
    public sealed class SpokePreparationStep
    {
        internal SpokePreparationStep(PreparationStep p)
        {
            Name = p.Name;
            Description = p.Description;
            Commands = Delimited.Texts(p.Commands);
        }

        /// <summary>The step's name.</summary>
        public string Name { get; }
        /// <summary>What it does and why.</summary>
        public string Description { get; }
        /// <summary>Commands that make it.</summary>
        public DelimitedList<string> Commands { get; }

        /// <inheritdoc />
        public override string ToString() => Name + ": " + Description;
    }

    /// <summary>The soak and decommission phase.</summary>
    public sealed class SpokeDecommissionPhase
    {
        internal SpokeDecommissionPhase(DecommissionPhase d)
        {
            SoakDays = d.SoakDays;
            Soak = d.Soak;
            Steps = Delimited.List(d.Steps.Select(s => new SpokeDecommissionStep(s)));
        }

        /// <summary>Days the mesh runs beside the hairpin before the phase.</summary>
        public int SoakDays { get; }
        /// <summary>When the phase may run.</summary>
        public string Soak { get; }
        /// <summary>Each change (with its rollback) and each deliberate non-change (with the reason).</summary>
        public DelimitedList<SpokeDecommissionStep> Steps { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Steps.Count(s => s.Change)} change(s) after {SoakDays} days";
    }

    /// <summary>One decommission step.</summary>
    public sealed class SpokeDecommissionStep
    {
        internal SpokeDecommissionStep(DecommissionStep s)
        {
            Action = s.Action.ToString();
            Change = s.Change;
            ResourceId = s.ResourceId;
            Reason = s.Reason;
            Command = s.Command;
            RollbackCommand = s.RollbackCommand;
        }

        /// <summary>DeleteTemporaryResource, RemoveRoute, StopUsingRemoteGateways or DisallowRemoteVnetTraffic.</summary>
        public string Action { get; }
        /// <summary>True when the phase makes the change; false when it is kept.</summary>
        public bool Change { get; }
        /// <summary>The resource changed or kept.</summary>
        public string ResourceId { get; }
        /// <summary>Why.</summary>
        public string Reason { get; }
        /// <summary>The command that makes the change, or null.</summary>
        public string? Command { get; }
        /// <summary>The command that undoes it, or null.</summary>
        public string? RollbackCommand { get; }

        /// <inheritdoc />
        public override string ToString() => $"{(Change ? "change" : "keep")} {Action}: {Reason}";
    }
}
