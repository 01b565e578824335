using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using System.Security;
using System.Text;
using System.Threading;
using AzSpokeTools.Azure.Apply;
using AzSpokeTools.Azure.Export;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Live;
using AzSpokeTools.Migration;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Convert-HairpinToMesh</c>: the migration plan from hairpinned spokes to an AVNM mesh (group, configuration, waves,
    /// IaC, before/after path matrix, rollback). With -Apply it creates or updates the AVNM resources it owns and commits
    /// waves 1..-Wave per region, asking ShouldProcess (ConfirmImpact High) before every ARM write; -WhatIf lists them all.
    /// </summary>
    [Cmdlet(VerbsData.Convert, "HairpinToMesh", HelpUri = HelpLinks.Docs + "Convert-HairpinToMesh.md", DefaultParameterSetName = SnapshotSet, SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(SpokeMigrationPlan), typeof(SpokeMeshApplyResult))]
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

        [Parameter(HelpMessage = "Use high-scale private endpoints (20,000 per connected group; connectedGroupPrivateEndpointsScale HighScale).")]
        public SwitchParameter HighScalePrivateEndpoints { get; set; }

        [Parameter(HelpMessage = "Directory to write plan.json and the ARM, Bicep, Terraform and PowerShell files to.")]
        public string? OutputPath { get; set; }

        [Parameter(HelpMessage = "Create or update the AVNM resources and commit waves 1..Wave in Azure.")]
        public SwitchParameter Apply { get; set; }

        [Parameter(HelpMessage = "With -Apply: the last wave to apply (default 1, the pilot).")]
        [ValidateRange(1, int.MaxValue)]
        public int Wave { get; set; } = 1;

        [Parameter(HelpMessage = "With -Apply: AzureCloud (default), AzureUSGovernment or AzureChinaCloud.")]
        [ValidateSet("AzureCloud", "AzureUSGovernment", "AzureChinaCloud", IgnoreCase = true)]
        public string? Environment { get; set; }

        [Parameter(HelpMessage = "With -Apply: an explicit ARM endpoint (https) for another cloud; it replaces the environment's.")]
        [ValidateNotNullOrEmpty]
        public string? ArmEndpoint { get; set; }

        [Parameter(HelpMessage = "With -Apply: a bearer token for ARM, as a SecureString or a string (default: the Az context, else DefaultAzureCredential).")]
        [SecureStringTransformation]
        [ValidateNotNull]
        public SecureString? AccessToken { get; set; }

        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();

        /// <inheritdoc />
        protected override void StopProcessing() => _cancel.Cancel();

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
                var request = ToRequest(topology, _vnets, Tag, NetworkGroup, Region, HighScale.IsPresent);
                request.HighScalePrivateEndpoints = HighScalePrivateEndpoints.IsPresent;
                var plan = request.Execute(EngineHost);
                var directory = OutputPath == null ? null : GetUnresolvedProviderPathFromPSPath(OutputPath);
                if (directory != null) WriteOutputs(plan, directory);
                WriteObject(new SpokeMigrationPlan(plan, directory));
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
            WriteObject(new SpokeMeshApplyResult(result));
        }

        /// <summary>
        /// The live layer's sender. Identity: -AccessToken, else a token from the caller's Az context (read once, here on
        /// the pipeline thread), else DefaultAzureCredential.
        /// </summary>
        private IArmRequestSender CreateSender()
        {
            var options = new ExportOptions { Environment = Environment };
            if (ArmEndpoint != null)
            {
                if (!Uri.TryCreate(ArmEndpoint, UriKind.Absolute, out var uri)) throw new EngineInputException("ArmEndpoint", $"'{ArmEndpoint}' is not an absolute URL");
                options.ArmEndpoint = uri;
            }
            try { options.Validate(); }
            catch (ArgumentException e) { throw new EngineInputException(e.ParamName ?? "Environment", e.Message); }
            var cloud = AzureCloud.Resolve(options.Environment, options.ArmEndpoint);
            if (AccessToken != null) options.AccessToken = SecureStrings.ToPlainText(AccessToken);
            else if (AzContextToken.IsLoaded(this))
            {
                try { options.AccessToken = AzContextToken.Get(this, AzContextToken.ResourceUrlOf(cloud.TokenScope)).Token; }
                catch (InvalidOperationException e) { WriteVerbose("The Az context gave no token (" + e.Message + "); using DefaultAzureCredential."); }
            }
            return new ArmApplySender(options, null, _cancel.Token);
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
