using System;
using System.Collections.Generic;
using System.Linq;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Engine.Migration
{
    /// <summary>The IaC renderings of a plan and the files they are written to.</summary>
    [Flags]
    public enum IacFormat
    {
        None = 0,
        Arm = 1,
        Bicep = 2,
        Terraform = 4,
        PowerShell = 8,
        All = Arm | Bicep | Terraform | PowerShell,
    }

    /// <summary>Renders a plan into named files (plan.json, mesh.json, mesh.bicep, mesh.tf, mesh.ps1, policy.json, whatif-pairs.csv).</summary>
    public static class PlanOutputs
    {
        /// <summary>Parses "arm,bicep,terraform,powershell" (case-insensitive; empty = all).</summary>
        public static IacFormat Parse(IEnumerable<string>? names)
        {
            var result = IacFormat.None;
            foreach (var raw in (names ?? Array.Empty<string>()).SelectMany(n => n.Split(',')))
            {
                var n = raw.Trim().ToLowerInvariant();
                if (n.Length == 0) continue;
                result |= n switch
                {
                    "arm" or "json" => IacFormat.Arm,
                    "bicep" => IacFormat.Bicep,
                    "terraform" or "tf" => IacFormat.Terraform,
                    "powershell" or "ps" or "ps1" => IacFormat.PowerShell,
                    _ => throw new EngineInputException("InfrastructureAsCode", $"unknown IaC format '{raw.Trim()}'; use arm, bicep, terraform or powershell"),
                };
            }
            return result == IacFormat.None ? IacFormat.All : result;
        }

        /// <summary>The requests apply would send (every wave), for review and for -WhatIf without Azure access.</summary>
        public static string ApplyRequestsJson(MeshApplyPlan apply)
        {
            var list = new System.Text.Json.Nodes.JsonArray();
            foreach (var r in apply.Requests)
                list.Add(new System.Text.Json.Nodes.JsonObject
                {
                    ["step"] = r.Step,
                    ["method"] = r.Method,
                    ["path"] = r.PathAndQuery,
                    ["write"] = r.IsWrite,
                    ["target"] = r.Target,
                    ["action"] = r.Action,
                    ["body"] = r.Body?.DeepClone(),
                });
            return new System.Text.Json.Nodes.JsonObject
            {
                ["throughWave"] = apply.ThroughWave,
                ["note"] = "Before any write, apply reads each resource it would change and refuses unless it carries " + apply.Plan.Options.OwnerMarker +
                           "; each commit body is completed with the configurations the region's live deployment status lists.",
                ["requests"] = list,
            }.ToJsonString(IacText.Indented) + "\n";
        }

        /// <summary>File name to content, in a stable order.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Render(MigrationPlan plan, IacFormat formats)
        {
            var files = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("plan.json", PlanJsonRenderer.Render(plan)) };
            if (formats.HasFlag(IacFormat.Arm)) files.Add(new KeyValuePair<string, string>("mesh.json", ArmTemplateRenderer.Render(plan)));
            if (formats.HasFlag(IacFormat.Bicep)) files.Add(new KeyValuePair<string, string>("mesh.bicep", BicepRenderer.Render(plan)));
            if (formats.HasFlag(IacFormat.Terraform)) files.Add(new KeyValuePair<string, string>("mesh.tf", TerraformRenderer.Render(plan)));
            if (formats.HasFlag(IacFormat.PowerShell)) files.Add(new KeyValuePair<string, string>("mesh.ps1", PowerShellRenderer.Render(plan)));
            if (plan.NetworkGroup.Mode == MembershipMode.Policy)
                files.Add(new KeyValuePair<string, string>("policy.json", new System.Text.Json.Nodes.JsonObject
                {
                    ["properties"] = new System.Text.Json.Nodes.JsonObject
                    {
                        ["displayName"] = plan.NetworkGroup.PolicyDefinitionName,
                        ["policyType"] = "Custom",
                        ["mode"] = "Microsoft.Network.Data",
                        ["policyRule"] = IacText.PolicyRule(plan.NetworkGroup),
                    },
                }.ToJsonString(IacText.Indented) + "\n"));
            files.Add(new KeyValuePair<string, string>("apply-requests.json", ApplyRequestsJson(MeshApplyPlan.Create(plan, plan.Waves.Count))));
            if (plan.WhatIf != null) files.Add(new KeyValuePair<string, string>("whatif-pairs.csv", PlanJsonRenderer.PairsCsv(plan.WhatIf)));
            return files;
        }
    }
}
