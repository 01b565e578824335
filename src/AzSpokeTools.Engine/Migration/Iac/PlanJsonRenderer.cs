using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AzSpokeTools.Engine.Readiness;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>
    /// The plan document (plan.json): snapshot, selection, readiness, target design, per-region commit sets, waves with
    /// validation and rollback, route-table and gateway changes, and the what-if summary. Every pair of the what-if is in
    /// <see cref="PairsCsv"/> instead, so the document stays small for thousands of spokes.
    /// </summary>
    public static class PlanJsonRenderer
    {
        public static string Render(MigrationPlan plan)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                Write(w, plan);
            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }

        public static void Write(Utf8JsonWriter w, MigrationPlan plan)
        {
            w.WriteStartObject();
            w.WriteStartObject("snapshot");
            w.WriteString("capturedAt", plan.SnapshotCapturedAt);
            w.WriteString("source", plan.SnapshotSource);
            w.WriteEndObject();

            w.WriteStartObject("selection");
            w.WriteString("description", plan.Selection.Description);
            w.WriteNumber("members", plan.Selection.Members.Count);
            w.WriteStartArray("regions");
            foreach (var r in plan.Regions) w.WriteStringValue(r);
            w.WriteEndArray();
            w.WriteEndObject();

            w.WriteStartObject("readiness");
            w.WriteBoolean("ready", plan.Readiness.Ready);
            w.WriteStartArray("blockers");
            foreach (var b in plan.Blockers) w.WriteStringValue(b);
            w.WriteEndArray();
            w.WriteStartObject("findingsByRule");
            foreach (var g in plan.Readiness.Findings.GroupBy(f => f.RuleId)) w.WriteNumber(g.Key, g.Count());
            w.WriteEndObject();
            w.WriteStartArray("findings");
            foreach (var f in plan.Readiness.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", f.RuleId);
                w.WriteString("severity", f.Severity.ToString());
                w.WriteString("resourceId", f.ResourceId);
                w.WriteString("message", f.Message);
                w.WriteStartObject("evidence");
                foreach (var kv in f.Evidence) w.WriteString(kv.Key, kv.Value);
                w.WriteEndObject();
                w.WriteString("fix", f.Fix);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();

            var nm = plan.NetworkManager;
            w.WriteStartObject("networkManager");
            w.WriteString("id", nm.Id.Value);
            w.WriteString("location", nm.Location);
            w.WriteBoolean("exists", nm.Exists);
            w.WriteStartArray("scopeSubscriptions");
            foreach (var s in nm.ScopeSubscriptions) w.WriteStringValue(s);
            w.WriteEndArray();
            w.WriteEndObject();

            var g2 = plan.NetworkGroup;
            w.WriteStartObject("networkGroup");
            w.WriteString("id", g2.Id.Value);
            w.WriteString("membership", g2.Mode.ToString());
            w.WriteString("description", g2.Description);
            if (g2.PolicyTag is { } tag)
            {
                w.WriteString("policyDefinition", g2.PolicyDefinitionName);
                w.WriteString("policyTag", tag.Key + "=" + tag.Value);
            }
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
            w.WriteString("connectivityTopology", c.ConnectivityTopology);
            w.WriteBoolean("isGlobal", c.IsGlobal);
            w.WriteBoolean("deleteExistingPeering", c.DeleteExistingPeering);
            w.WriteStartObject("connectivityCapabilities");
            w.WriteString("connectedGroupPrivateEndpointsScale", c.ConnectedGroupPrivateEndpointsScale);
            w.WriteString("connectedGroupAddressOverlap", c.ConnectedGroupAddressOverlap);
            w.WriteString("peeringEnforcement", c.PeeringEnforcement);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("commits");
            foreach (var rc in plan.Commits)
            {
                w.WriteStartObject();
                w.WriteString("region", rc.Region);
                w.WriteBoolean("statusCaptured", rc.StatusCaptured);
                if (rc.ExistingStatus != null) w.WriteString("existingStatus", rc.ExistingStatus);
                WriteStrings(w, "existingConfigurationIds", rc.ExistingConfigurationIds);
                WriteStrings(w, "configurationIds", rc.ConfigurationIds);
                w.WriteString("command", IacText.CommitCommand(nm, rc.Region, rc.ConfigurationIds));
                w.WriteEndObject();
            }
            w.WriteEndArray();

            w.WriteStartArray("waves");
            foreach (var wave in plan.Waves)
            {
                w.WriteStartObject();
                w.WriteNumber("number", wave.Number);
                w.WriteString("name", wave.Name);
                w.WriteString("why", wave.Why);
                w.WriteNumber("cumulativeMembers", wave.CumulativeMembers);
                w.WriteNumber("cumulativePrivateEndpoints", wave.CumulativePrivateEndpoints);
                w.WriteBoolean("withinLimits", wave.WithinLimits);
                if (wave.LimitNote != null) w.WriteString("limitNote", wave.LimitNote);
                WriteStrings(w, "regions", wave.Regions);
                WriteStrings(w, "members", wave.Members.Select(m => m.Name));
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
                foreach (var e in v.Exceptions)
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
                WriteStrings(w, "commands", wave.Rollback.Commands);
                w.WriteEndObject();
                w.WriteEndObject();
            }
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
                WriteStrings(w, "nextHopIpAddress", rc.Route.NextHopIpAddresses);
                if (rc.Wave > 0) w.WriteNumber("wave", rc.Wave);
                w.WriteString("reason", rc.Reason);
                w.WriteNumber("pairCount", rc.Pairs.Count);
                WriteStrings(w, "pairs", rc.Pairs.Select(p => p.From.Name + "->" + p.To.Name));
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
                w.WriteString("command", t.Command);
                w.WriteEndObject();
            }
            w.WriteEndArray();

            if (plan.WhatIf is MigrationWhatIf wi)
            {
                w.WriteStartObject("whatIf");
                w.WriteNumber("pairs", wi.Pairs.Count);
                w.WriteNumber("elapsedMs", wi.ElapsedMs);
                WriteCounts(w, "before", wi.BeforeByKind);
                WriteCounts(w, "after", wi.AfterByKind);
                WriteCounts(w, "transitions", wi.Transitions);
                w.WriteNumber("losingConnectivityCount", wi.LosingConnectivity.Count());
                w.WriteNumber("losingInspectionCount", wi.LosingInspection.Count());
                WritePairs(w, "losingConnectivity", wi.LosingConnectivity);
                WritePairs(w, "losingInspection", wi.LosingInspection);
                w.WriteEndObject();
            }
            else w.WriteNull("whatIf");
            w.WriteEndObject();
        }

        private static void WriteCounts(Utf8JsonWriter w, string name, System.Collections.Generic.IReadOnlyDictionary<string, int> counts)
        {
            w.WriteStartObject(name);
            foreach (var kv in counts) w.WriteNumber(kv.Key, kv.Value);
            w.WriteEndObject();
        }

        private static void WritePairs(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<PairChange> pairs)
        {
            w.WriteStartArray(name);
            foreach (var p in pairs)
            {
                w.WriteStartObject();
                w.WriteString("from", p.From.Name);
                w.WriteString("to", p.To.Name);
                w.WriteString("before", p.Before.ToString());
                WriteStrings(w, "beforeTransits", p.Before.Transits.Select(k => k.ToString()));
                w.WriteString("after", p.After.ToString());
                WriteStrings(w, "afterTransits", p.After.Transits.Select(k => k.ToString()));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private static void WriteStrings(Utf8JsonWriter w, string name, System.Collections.Generic.IEnumerable<string> items)
        {
            w.WriteStartArray(name);
            foreach (var s in items) w.WriteStringValue(s);
            w.WriteEndArray();
        }

        /// <summary>Every what-if pair as CSV: from,to,before,after,beforeTransits,afterTransits,losesConnectivity,losesInspection.</summary>
        public static string PairsCsv(MigrationWhatIf whatIf)
        {
            var sb = new StringBuilder("from,to,before,after,beforeTransits,afterTransits,losesConnectivity,losesInspection\n");
            foreach (var p in whatIf.Pairs)
                sb.Append(p.From.Name).Append(',').Append(p.To.Name).Append(',').Append(p.Before).Append(',').Append(p.After).Append(',')
                  .Append(string.Join(" ", p.Before.Transits)).Append(',').Append(string.Join(" ", p.After.Transits)).Append(',')
                  .Append(p.LosesConnectivity ? "true" : "false").Append(',').Append(p.LosesInspection ? "true" : "false").Append('\n');
            return sb.ToString();
        }
    }
}
