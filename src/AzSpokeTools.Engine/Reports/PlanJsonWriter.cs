using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using AzSpokeTools.Engine.Migration;

using static AzSpokeTools.Engine.Reports.ReportJson;

namespace AzSpokeTools.Engine.Reports
{
    /// <summary>
    /// plan.json (docs/schemas/plan.schema.json): snapshot, selection, readiness, the adopt-or-refuse decision, target design,
    /// the handover, preparation steps, the waves with their commits, validation, rollback and what-if summary, route-table and
    /// gateway changes, the decommission phase, and the whole plan's what-if summary. Every pair is in whatif-pairs.csv instead;
    /// the lists of pairs here stop at <see cref="MaxListedPairs"/> (their counts are complete).
    /// </summary>
    public static class PlanJsonWriter
    {
        /// <summary>The shape's version; raised when a property is removed or renamed.</summary>
        public const int SchemaVersion = 1;
        /// <summary>Pairs listed per list (losing connectivity, inspection, symmetry); the CSV has them all.</summary>
        public const int MaxListedPairs = 200;

        /// <summary>The document as text, <c>schemaVersion</c> first.</summary>
        public static string Render(MigrationPlan plan) => ReportJson.Document(w => Write(w, plan));

        /// <summary>Writes the plan.json document of <paramref name="plan"/>.</summary>
        public static void Write(Utf8JsonWriter w, MigrationPlan plan)
        {
            w.WriteStartObject();
            w.WriteNumber("schemaVersion", SchemaVersion);
            w.WriteStartObject("snapshot");
            w.WriteString("capturedAt", plan.SnapshotCapturedAt);
            w.WriteString("source", plan.SnapshotSource);
            w.WriteEndObject();

            w.WriteStartObject("selection");
            w.WriteString("description", plan.Selection.Description);
            w.WriteNumber("members", plan.Selection.Members.Count);
            Strings(w, "regions", plan.Regions);
            w.WriteEndObject();

            w.WriteStartObject("readiness");
            w.WriteBoolean("ready", plan.Readiness.Ready);
            Strings(w, "blockers", plan.Blockers);
            w.WriteStartObject("findingsByRule");
            foreach (var g in plan.Readiness.Findings.GroupBy(f => f.RuleId)) w.WriteNumber(g.Key, g.Count());
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in plan.Readiness.Findings) ReadinessFindingJsonWriter.Write(w, f);
            w.WriteEndArray();
            w.WriteEndObject();

            var a = plan.Adoption;
            w.WriteStartObject("adoption");
            w.WriteString("decision", a.Decision.ToString());
            if (a.Configuration != null) w.WriteString("configuration", a.Configuration.Id.Value); else w.WriteNull("configuration");
            Strings(w, "conflicts", a.Conflicts.Select(c => c.Id.Value));
            w.WriteString("reason", a.Reason);
            if (a.Fix != null) w.WriteString("fix", a.Fix); else w.WriteNull("fix");
            w.WriteEndObject();

            var nm = plan.NetworkManager;
            w.WriteStartObject("networkManager");
            w.WriteString("id", nm.Id.Value);
            w.WriteString("location", nm.Location);
            w.WriteBoolean("exists", nm.Exists);
            Strings(w, "scopeSubscriptions", nm.ScopeSubscriptions);
            Strings(w, "scopeManagementGroups", nm.ScopeManagementGroups);
            w.WriteEndObject();

            var g2 = plan.NetworkGroup;
            w.WriteStartObject("networkGroup");
            w.WriteString("id", g2.Id.Value);
            w.WriteString("description", g2.Description);
            w.WriteBoolean("temporary", g2.Temporary);
            w.WriteStartArray("staticMembers");
            foreach (var m in g2.StaticMembers)
            {
                w.WriteStartObject();
                w.WriteString("name", m.Name);
                w.WriteString("resourceId", m.VirtualNetwork.Id.Value);
                w.WriteNumber("wave", m.Wave);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();

            var c = plan.Configuration;
            w.WriteStartObject("connectivityConfiguration");
            w.WriteString("id", c.Id.Value);
            w.WriteBoolean("temporary", c.Temporary);
            w.WriteString("connectivityTopology", c.ConnectivityTopology);
            w.WriteBoolean("isGlobal", c.IsGlobal);
            w.WriteBoolean("deleteExistingPeering", c.DeleteExistingPeering);
            w.WriteStartObject("connectivityCapabilities");
            w.WriteString("connectedGroupPrivateEndpointsScale", c.ConnectedGroupPrivateEndpointsScale);
            w.WriteString("connectedGroupAddressOverlap", c.ConnectedGroupAddressOverlap);
            w.WriteString("peeringEnforcement", c.PeeringEnforcement);
            w.WriteEndObject();
            w.WriteEndObject();

            var h = plan.Handover;
            w.WriteStartObject("handover");
            w.WriteString("kind", h.Kind.ToString());
            StringOrNull(w, "configurationId", h.ConfigurationId?.Value);
            StringOrNull(w, "groupId", h.GroupId?.Value);
            StringOrNull(w, "policyTag", h.PolicyTag is { } tag ? tag.Key + "=" + tag.Value : null);
            StringOrNull(w, "policyDefinition", h.PolicyDefinitionName);
            w.WriteString("description", h.Description);
            w.WriteEndObject();
            w.WriteString("waveMembership", plan.WaveMembership);

            w.WriteStartArray("preparation");
            foreach (var p in plan.Preparation)
            {
                w.WriteStartObject();
                w.WriteString("name", p.Name);
                w.WriteString("description", p.Description);
                Strings(w, "commands", p.Commands);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("waves");
            foreach (var wave in plan.Waves) WriteWave(w, plan, wave);
            w.WriteEndArray();

            w.WriteStartArray("routeTableChanges");
            foreach (var rc in plan.RouteTableChanges)
            {
                w.WriteStartObject();
                w.WriteString("action", rc.Action.ToString());
                w.WriteString("routeTable", rc.RouteTable.Id.Value);
                w.WriteString("route", rc.Route.Name);
                w.WriteString("addressPrefix", rc.Route.AddressPrefix);
                w.WriteString("nextHopType", rc.Route.NextHopType.ToString());
                Strings(w, "nextHopIpAddress", rc.Route.NextHopIpAddresses);
                if (rc.Wave > 0) w.WriteNumber("wave", rc.Wave);
                w.WriteString("reason", rc.Reason);
                w.WriteNumber("pairCount", rc.Pairs.Count);
                Strings(w, "pairs", rc.Pairs.Take(MaxListedPairs).Select(p => p.From.Name + "->" + p.To.Name));
                if (rc.Action == RouteTableAction.Remove) w.WriteString("command", IacText.RemoveRouteCommand(rc));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("gatewayToggles");
            foreach (var t in plan.GatewayToggles)
            {
                w.WriteStartObject();
                w.WriteString("gateway", t.Gateway.Id.Value);
                w.WriteString("property", t.Property);
                if (t.Current is bool b) w.WriteBoolean("current", b); else w.WriteNull("current");
                w.WriteString("during", t.During);
                w.WriteString("after", t.After);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            if (plan.Decommission is DecommissionPhase d)
            {
                w.WriteStartObject("decommission");
                w.WriteNumber("soakDays", d.SoakDays);
                w.WriteString("soak", d.Soak);
                w.WriteStartArray("steps");
                foreach (var s in d.Steps)
                {
                    w.WriteStartObject();
                    w.WriteString("action", s.Action.ToString());
                    w.WriteBoolean("change", s.Change);
                    w.WriteString("resourceId", s.ResourceId);
                    w.WriteString("reason", s.Reason);
                    StringOrNull(w, "command", s.Command);
                    StringOrNull(w, "rollbackCommand", s.RollbackCommand);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                if (plan.WhatIf?.Decommission is WaveWhatIf dw) { w.WritePropertyName("whatIf"); WriteWaveWhatIf(w, dw, plan.WhatIf.Flow); }
                else w.WriteNull("whatIf");
                w.WriteEndObject();
            }
            else w.WriteNull("decommission");

            if (plan.WhatIf is MigrationWhatIf wi)
            {
                w.WriteStartObject("whatIf");
                w.WriteNumber("pairs", wi.Pairs.Count);
                w.WriteNumber("elapsedMs", wi.ElapsedMs);
                Counts(w, "before", wi.BeforeByKind);
                Counts(w, "after", wi.AfterByKind);
                Counts(w, "transitions", wi.Transitions);
                var losing = wi.LosingConnectivity.ToList();
                var inspection = wi.LosingInspection.ToList();
                w.WriteNumber("losingConnectivityCount", losing.Count);
                w.WriteNumber("losingInspectionCount", inspection.Count);
                Pairs(w, "losingConnectivity", losing);
                Pairs(w, "losingInspection", inspection);
                OpenedFlows(w, wi.Flow, wi.OpeningFlows, listed: true);
                w.WriteEndObject();
            }
            else w.WriteNull("whatIf");
            w.WriteEndObject();
        }

        private static void WriteWave(Utf8JsonWriter w, MigrationPlan plan, MigrationWave wave)
        {
            var nm = plan.NetworkManager;
            w.WriteStartObject();
            w.WriteNumber("number", wave.Number);
            w.WriteString("name", wave.Name);
            w.WriteString("why", wave.Why);
            w.WriteBoolean("handover", wave.IsHandover);
            w.WriteNumber("cumulativeMembers", wave.CumulativeMembers);
            w.WriteNumber("cumulativePrivateEndpoints", wave.CumulativePrivateEndpoints);
            w.WriteBoolean("withinLimits", wave.WithinLimits);
            if (wave.LimitNote != null) w.WriteString("limitNote", wave.LimitNote);
            Strings(w, "regions", wave.Regions);
            Strings(w, "members", wave.Members.Select(m => m.Name));
            w.WriteStartArray("commits");
            foreach (var rc in wave.Commits)
            {
                w.WriteStartObject();
                w.WriteString("region", rc.Region);
                w.WriteBoolean("statusCaptured", rc.StatusCaptured);
                StringOrNull(w, "existingStatus", rc.ExistingStatus);
                Strings(w, "activeConfigurationIds", rc.ExistingConfigurationIds);
                Strings(w, "inactiveConfigurationIds", rc.InactiveConfigurationIds);
                Strings(w, "add", rc.Add);
                Strings(w, "remove", rc.Remove);
                Strings(w, "configurationIds", rc.ConfigurationIds);
                w.WriteString("command", IacText.CommitCommand(nm, rc.Region, rc.ConfigurationIds));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Strings(w, "routeRemovals", plan.RouteTableChanges.Where(r => r.Action == RouteTableAction.Remove && r.Wave == wave.Number)
                .Select(r => r.RouteTable.Id.Child("routes", r.Route.Name).Value));
            var v = wave.Validation;
            w.WriteStartObject("validation");
            w.WriteString("connectedGroupRoutes", v.Global
                ? "every member shows a ConnectedGroup route for each prefix below of every other member"
                : "every member shows a ConnectedGroup route for each prefix below of every other member in its region");
            w.WriteStartArray("prefixes");
            foreach (var (vnet, prefix) in v.ConnectedGroupPrefixes)
            {
                w.WriteStartObject();
                w.WriteString("vnet", vnet.Name);
                w.WriteString("region", vnet.Location);
                w.WriteString("prefix", prefix.ToString());
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("excludedPrefixes");
            foreach (var (vnet, prefix, reason) in v.ExcludedPrefixes)
            {
                w.WriteStartObject();
                w.WriteString("vnet", vnet.Name);
                w.WriteString("prefix", prefix.ToString());
                w.WriteString("reason", reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("expectedPairKinds");
            foreach (var kv in v.ExpectedPairKinds.OrderBy(k => k.Key)) w.WriteNumber(kv.Key.ToString(), kv.Value);
            w.WriteEndObject();
            w.WriteStartArray("exceptions");
            foreach (var e in v.Exceptions.Take(MaxListedPairs))
            {
                w.WriteStartObject();
                w.WriteString("from", e.From.Name);
                w.WriteString("to", e.To.Name);
                w.WriteString("expected", e.Expected.ToString());
                w.WriteString("reason", e.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("rollback");
            w.WriteString("description", wave.Rollback.Description);
            Strings(w, "commands", wave.Rollback.Commands);
            w.WriteEndObject();
            var wi = plan.WhatIf?.Waves.FirstOrDefault(x => x.Wave == wave.Number);
            if (wi != null) { w.WritePropertyName("whatIf"); WriteWaveWhatIf(w, wi, plan.WhatIf?.Flow); }
            else w.WriteNull("whatIf");
            w.WriteEndObject();
        }

        private static void WriteWaveWhatIf(Utf8JsonWriter w, WaveWhatIf wi, Security.Flow? flow)
        {
            w.WriteStartObject();
            w.WriteNumber("pairs", wi.Pairs.Count);
            w.WriteNumber("elapsedMs", wi.ElapsedMs);
            Counts(w, "transitions", wi.Transitions);
            var losing = wi.LosingConnectivity.ToList();
            var inspection = wi.LosingInspection.ToList();
            var asymmetric = wi.AsymmetricAfter.ToList();
            w.WriteNumber("losingConnectivityCount", losing.Count);
            w.WriteNumber("losingInspectionCount", inspection.Count);
            w.WriteNumber("asymmetricAfterCount", asymmetric.Count);
            w.WriteNumber("losingSymmetryCount", wi.LosingSymmetry.Count());
            Pairs(w, "losingConnectivity", losing);
            Pairs(w, "losingInspection", inspection);
            // With a what-if flow (plan --port): the flow and how many of the wave's pairs it opens.
            OpenedFlows(w, flow, wi.OpeningFlows, listed: false);
            Pairs(w, "asymmetricAfter", asymmetric);
            w.WriteEndObject();
        }

        private static void Counts(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, int> counts)
        {
            w.WriteStartObject(name);
            foreach (var kv in counts) w.WriteNumber(kv.Key, kv.Value);
            w.WriteEndObject();
        }

        /// <summary>
        /// With a what-if flow (plan --port): <c>"flow"</c>, <c>"opensFlowCount"</c> and, when <paramref name="listed"/>, <c>"opensFlow"</c>
        /// (the first pairs, with the rule that denies them today); nothing without a flow.
        /// </summary>
        private static void OpenedFlows(Utf8JsonWriter w, Security.Flow? flow, IEnumerable<PairChange> opening, bool listed)
        {
            if (flow == null) return;
            var pairs = opening.ToList();
            w.WriteString("flow", flow.ToString());
            w.WriteNumber("opensFlowCount", pairs.Count);
            if (!listed) return;
            w.WriteStartArray("opensFlow");
            foreach (var p in pairs.Take(MaxListedPairs))
            {
                w.WriteStartObject();
                w.WriteString("from", p.From.Name);
                w.WriteString("to", p.To.Name);
                w.WriteString("before", p.Before.ToString());
                w.WriteString("after", p.After.ToString());
                AccessJsonWriter.Rule(w, "deniedBy", p.Before.AccessRule);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void Pairs(Utf8JsonWriter w, string name, IEnumerable<PairChange> pairs)
        {
            w.WriteStartArray(name);
            foreach (var p in pairs.Take(MaxListedPairs))
            {
                w.WriteStartObject();
                w.WriteString("from", p.From.Name);
                w.WriteString("to", p.To.Name);
                w.WriteString("before", p.Before.ToString());
                Strings(w, "beforeTransits", p.Before.Transits.Select(k => k.ToString()));
                w.WriteString("after", p.After.ToString());
                Strings(w, "afterTransits", p.After.Transits.Select(k => k.ToString()));
                w.WriteBoolean("afterSymmetric", p.AfterSymmetric);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }


    }
}
