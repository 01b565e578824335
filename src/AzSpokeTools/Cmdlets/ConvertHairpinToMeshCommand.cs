using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Text;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Convert-HairpinToMesh</c>: the migration plan from hairpinned spokes to an AVNM mesh (group, configuration, waves,
    /// IaC, before/after path matrix, rollback). With -Apply it creates or updates the AVNM resources it owns and commits
    /// waves 1..-Wave per region, asking ShouldProcess (ConfirmImpact High) before every ARM write; -WhatIf lists them all.
    /// </summary>
    [Cmdlet(VerbsData.Convert, "HairpinToMesh", DefaultParameterSetName = SnapshotSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(MigrationPlan), typeof(MeshApplyResult))]
    public sealed class ConvertHairpinToMeshCommand : SpokeCmdlet
    {
        public const string SnapshotSet = "Snapshot";
        public const string TopologySet = "Topology";

        private readonly List<string> _vnets = new List<string>();
        private Topology? _topology;

        [Parameter(ParameterSetName = SnapshotSet, Mandatory = true, HelpMessage = "Snapshot file, directory of *.json files, or sample:NAME.")]
        [ValidateNotNullOrEmpty]
        public string? Snapshot { get; set; }

        [Parameter(ParameterSetName = TopologySet, Mandatory = true, ValueFromPipeline = true, HelpMessage = "A topology from Import-SpokeTopology.")]
        public Topology? Topology { get; set; }

        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "VNet names, name patterns (spoke-*) or resource ids; default: every spoke.")]
        [Alias("Id")]
        public string[]? VirtualNetwork { get; set; }

        [Parameter(HelpMessage = "Tags KEY=VALUE that a VNet must all carry.")]
        public string[]? Tag { get; set; }

        [Parameter(HelpMessage = "An existing AVNM network group (name or resource id) to mesh.")]
        public string? NetworkGroup { get; set; }

        [Parameter(HelpMessage = "Keep only VNets in these regions.")]
        public string[]? Region { get; set; }

        [Parameter(HelpMessage = "Use a high-scale connected group (cap 3,000 by default).")]
        public SwitchParameter HighScale { get; set; }

        [Parameter(HelpMessage = "Directory to write plan.json and the ARM, Bicep, Terraform and PowerShell files to.")]
        public string? OutputPath { get; set; }

        [Parameter(HelpMessage = "Create or update the AVNM resources and commit waves 1..Wave in Azure.")]
        public SwitchParameter Apply { get; set; }

        [Parameter(HelpMessage = "With -Apply: the last wave to apply (default 1, the pilot).")]
        [ValidateRange(1, int.MaxValue)]
        public int Wave { get; set; } = 1;

        [Parameter(HelpMessage = "With -Apply: AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        public string? Environment { get; set; }

        [Parameter(HelpMessage = "With -Apply: a bearer token for ARM, as a SecureString or a string (default: DefaultAzureCredential).")]
        [AzSpokeTools.Live.SecureStringTransformation]
        public System.Security.SecureString? AccessToken { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (Topology != null) _topology = Topology;
            if (VirtualNetwork != null) _vnets.AddRange(VirtualNetwork);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            try
            {
                var topology = _topology ?? (Snapshot != null ? LoadTopology(Snapshot, terminating: true) : null);
                var plan = ToRequest(topology, _vnets, Tag, NetworkGroup, Region, HighScale.IsPresent).Execute(EngineHost);
                if (OutputPath != null) WriteOutputs(plan, GetUnresolvedProviderPathFromPSPath(OutputPath));
                WriteObject(plan);
                if (Apply.IsPresent) RunApply(plan);
            }
            catch (Exception e) when (TryWriteEngineError(e, NetworkGroup ?? string.Join(",", _vnets)))
            {
            }
            base.EndProcessing();
        }

        private void RunApply(MigrationPlan plan)
        {
            if (plan.Blockers.Count > 0)
            {
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("-Apply refused: readiness errors remain (" + string.Join("; ", plan.Blockers) + ")"),
                    "MeshNotReady", ErrorCategory.InvalidOperation, plan));
                return;
            }
            var apply = MeshApplyPlan.Create(plan, Wave);
            var result = MeshApplyRunner.Run(apply, CreateSender(), EngineHost);
            if (result.Refusal != null)
                WriteError(new ErrorRecord(new InvalidOperationException(result.Refusal), "MeshResourceNotOwned", ErrorCategory.PermissionDenied, plan.NetworkGroup.Id.Value));
            else if (result.Failure != null)
                WriteError(new ErrorRecord(new InvalidOperationException(result.Failure), "MeshApplyFailed", ErrorCategory.InvalidResult, plan.NetworkManager.Id.Value));
            WriteObject(result);
        }

        /// <summary>The live layer's sender, through the bridge assembly the module loads from Dependencies/.</summary>
        private IArmRequestSender CreateSender()
        {
            var type = Type.GetType("AzSpokeTools.Azure.Apply.MeshApplyConnection, AzSpokeTools.Azure", throwOnError: false)
                       ?? throw new InvalidOperationException("-Apply needs AzSpokeTools.Azure.dll, which this installation of the module does not contain.");
            var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!;
            try { return (IArmRequestSender)create.Invoke(null, new object?[] { Environment, null, AccessToken == null ? null : AzSpokeTools.Live.SecureStrings.ToPlainText(AccessToken) })!; }
            catch (TargetInvocationException e) when (e.InnerException is ArgumentException a) { throw new EngineInputException(a.ParamName ?? "Environment", a.Message); }
        }

        private void WriteOutputs(MigrationPlan plan, string directory)
        {
            Directory.CreateDirectory(directory);
            foreach (var file in PlanOutputs.Render(plan, IacFormat.All))
            {
                var path = Path.Combine(directory, file.Key);
                var temp = path + ".tmp";
                File.WriteAllText(temp, file.Value, new UTF8Encoding(false));
                if (File.Exists(path)) File.Delete(path);
                File.Move(temp, path);
                WriteVerbose("wrote " + path);
            }
        }

        /// <summary>The parameters as the request <c>azspoke plan</c> also builds.</summary>
        public static MeshMigrationRequest ToRequest(Topology? topology, IReadOnlyList<string> vnets, string[]? tags, string? group, string[]? regions, bool highScale) =>
            new MeshMigrationRequest
            {
                Topology = topology,
                VirtualNetwork = vnets,
                Tag = tags ?? new string[0],
                NetworkGroup = group,
                Region = regions ?? new string[0],
                HighScale = highScale,
            };
    }
}
