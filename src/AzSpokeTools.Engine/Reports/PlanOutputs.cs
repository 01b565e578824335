using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AzSpokeTools.Engine.Migration;

namespace AzSpokeTools.Engine.Reports
{
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

        /// <summary>
        /// File name to the writer that produces it, in a stable order. Callers stream each file: whatif-pairs.csv of a
        /// 1,000-spoke estate is over 100 million characters, which as one string would double the plan's peak memory.
        /// </summary>
        public static IReadOnlyList<KeyValuePair<string, Action<TextWriter>>> Writers(MigrationPlan plan, IacFormat formats)
        {
            var files = new List<KeyValuePair<string, Action<TextWriter>>>();
            void Add(string name, Func<string> render) => files.Add(new KeyValuePair<string, Action<TextWriter>>(name, w => w.Write(render())));
            Add("plan.json", () => Reports.PlanJsonWriter.Render(plan));
            if (formats.HasFlag(IacFormat.Arm)) Add("mesh.json", () => ArmTemplateRenderer.Render(plan));
            if (formats.HasFlag(IacFormat.Bicep)) Add("mesh.bicep", () => BicepRenderer.Render(plan));
            if (formats.HasFlag(IacFormat.Terraform)) Add("mesh.tf", () => TerraformRenderer.Render(plan));
            if (formats.HasFlag(IacFormat.PowerShell)) Add("mesh.ps1", () => PowerShellRenderer.Render(plan));
            if (plan.Handover.Kind == HandoverKind.PolicyGroup)
                Add("policy.json", () => AvnmResourceBodies.PolicyDefinition(plan.Handover, plan.Handover.GroupId!.Value.Value).ToJsonString(IacText.Indented) + "\n");
            Add("apply-requests.json", () => Reports.ApplyRequestsJsonWriter.Render(plan));
            if (plan.WhatIf is MigrationWhatIf whatIf)
            {
                files.Add(new KeyValuePair<string, Action<TextWriter>>("whatif-pairs.csv", w => WhatIfPairsCsvWriter.Write(w, whatIf)));
                // With a what-if flow (plan --port): every pair whose flow the hub firewall denies today and the mesh would allow.
                if (whatIf.Flow != null)
                    files.Add(new KeyValuePair<string, Action<TextWriter>>(WhatIfOpenedFlowsCsvWriter.FileName, w => WhatIfOpenedFlowsCsvWriter.Write(w, whatIf)));
            }
            return files;
        }

        /// <summary>File name to content, in a stable order (small plans and tests; large plans stream through <see cref="Writers"/>).</summary>
        public static IReadOnlyList<KeyValuePair<string, string>> Render(MigrationPlan plan, IacFormat formats) =>
            Writers(plan, formats).Select(f =>
            {
                var text = new StringWriter();
                f.Value(text);
                return new KeyValuePair<string, string>(f.Key, text.ToString());
            }).ToList();
    }
}
