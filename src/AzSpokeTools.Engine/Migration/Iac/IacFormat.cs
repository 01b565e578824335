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

        /// <summary>File name to content, in a stable order.</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Render(MigrationPlan plan, IacFormat formats)
        {
            var files = new List<KeyValuePair<string, string>> { new KeyValuePair<string, string>("plan.json", Reports.PlanJsonWriter.Render(plan)) };
            if (formats.HasFlag(IacFormat.Arm)) files.Add(new KeyValuePair<string, string>("mesh.json", ArmTemplateRenderer.Render(plan)));
            if (formats.HasFlag(IacFormat.Bicep)) files.Add(new KeyValuePair<string, string>("mesh.bicep", BicepRenderer.Render(plan)));
            if (formats.HasFlag(IacFormat.Terraform)) files.Add(new KeyValuePair<string, string>("mesh.tf", TerraformRenderer.Render(plan)));
            if (formats.HasFlag(IacFormat.PowerShell)) files.Add(new KeyValuePair<string, string>("mesh.ps1", PowerShellRenderer.Render(plan)));
            if (plan.Handover.Kind == HandoverKind.PolicyGroup)
                files.Add(new KeyValuePair<string, string>("policy.json", AvnmResourceBodies.PolicyDefinition(plan.Handover, plan.Handover.GroupId!.Value.Value).ToJsonString(IacText.Indented) + "\n"));
            files.Add(new KeyValuePair<string, string>("apply-requests.json", Reports.ApplyRequestsJsonWriter.Render(plan)));
            if (plan.WhatIf != null) files.Add(new KeyValuePair<string, string>("whatif-pairs.csv", Reports.WhatIfPairsCsvWriter.Render(plan.WhatIf)));
            return files;
        }
    }
}
