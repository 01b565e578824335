using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using System.Text;
using System.Threading;
using AzSpokeTools.Azure.Identity;
using AzSpokeTools.Engine.Hosting;
using AzSpokeTools.Engine.Migration;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Live;
using AzSpokeTools.Migration;
using AzSpokeTools.Engine;
using AzSpokeTools.Engine.Reports;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Convert-HairpinToMesh</c>: the migration plan from hairpinned spokes to an AVNM mesh (existing AVNM state adopted or the
    /// plan refused, waves that hold, per-wave what-if, IaC, rollback, soak and decommission). With -Apply it creates or updates the
    /// AVNM resources it owns and commits waves 1..-Wave (or, with -Decommission, applies the decommission phase), asking
    /// ShouldProcess (ConfirmImpact High) before every ARM write. -OutputPath asks before writing the file set. -WhatIf writes no
    /// file and sends no request at all: it lists every file set and write instead.
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

        [Parameter(HelpMessage = "Global mesh (default: global when the members span several regions).")]
        public SwitchParameter Global { get; set; }

        [Parameter(HelpMessage = "Regional mesh only.")]
        public SwitchParameter Regional { get; set; }

        [Parameter(HelpMessage = "Connected-group cap (default 250).")]
        [ValidateRange(2, int.MaxValue)]
        public int? ConnectedGroupLimit { get; set; }

        [Parameter(HelpMessage = "High-scale connected-group cap (default 3,000; 5,000 by scaling request).")]
        [ValidateRange(2, int.MaxValue)]
        public int? HighScaleConnectedGroupLimit { get; set; }

        [Parameter(HelpMessage = "An existing network manager (name or id), or the id of one to create.")]
        [ValidateNotNullOrEmpty]
        public string? NetworkManager { get; set; }

        [Parameter(HelpMessage = "Directory to write plan.json, the IaC files, apply-requests.json and whatif-pairs.csv to.")]
        public string? OutputPath { get; set; }

        [Parameter(HelpMessage = "IaC formats to write: Arm, Bicep, Terraform, PowerShell (default all).")]
        [ValidateSet("Arm", "Bicep", "Terraform", "PowerShell", IgnoreCase = true)]
        public string[]? InfrastructureAsCode { get; set; }

        [Parameter(HelpMessage = "End state with Azure Policy membership by the selection's single tag (the waves still go through static members).")]
        public SwitchParameter DynamicMembership { get; set; }

        [Parameter(HelpMessage = "Ownership marker value (azspoke-owner=VALUE); default azspoke.")]
        [ValidateNotNullOrEmpty]
        public string Owner { get; set; } = "azspoke";

        [Parameter(HelpMessage = "Skip the per-wave before/after path matrices.")]
        public SwitchParameter SkipWhatIf { get; set; }

        [Parameter(HelpMessage = "Tcp (default with -Port), Udp, Icmp or Any: the flow the what-if evaluates before and after each wave.")]
        [ValidateSet("Tcp", "Udp", "Icmp", "Any", IgnoreCase = true)]
        public string? Protocol { get; set; }

        [Parameter(HelpMessage = "The what-if flow's destination port: report the flows the hub firewall denies today that the mesh path would allow (not evaluated without it).")]
        [ValidateRange(0, 65535)]
        public int? Port { get; set; }

        [Parameter(HelpMessage = "The what-if flow's source port (default any).")]
        [ValidateRange(0, 65535)]
        public int? SourcePort { get; set; }

        [Parameter(HelpMessage = "Allow or Deny: what third-party network virtual appliances do with the what-if flow (default Unknown: their rules are not visible).")]
        [ValidateSet("Allow", "Deny", IgnoreCase = true)]
        public string? AssumeNva { get; set; }

        [Parameter(HelpMessage = "Pilot wave size (default 50, capped by the selection).")]
        [ValidateRange(1, int.MaxValue)]
        public int PilotSize { get; set; } = MigrationOptions.DefaultPilotSize;

        [Parameter(HelpMessage = "After the pilot, waves of this many VNets (default: light production, then the rest).")]
        [ValidateRange(1, int.MaxValue)]
        public int? WaveSize { get; set; }

        [Parameter(HelpMessage = "Explicit waves as NAME=PATTERN (a VNet name pattern), in order; the VNets left form a last wave.")]
        [ValidateNotNullOrEmpty]
        public string[]? WavePattern { get; set; }

        [Parameter(HelpMessage = "With -Apply: the last wave to apply (default 1, the pilot).")]
        [ValidateRange(1, int.MaxValue)]
        public int Wave { get; set; } = 1;

        [Parameter(HelpMessage = "Add the decommission phase after the soak; with -Apply, apply that phase.")]
        public SwitchParameter Decommission { get; set; }

        [Parameter(HelpMessage = "Days between the final wave and the decommission phase (default 14).")]
        [ValidateRange(0, 3650)]
        public int SoakDays { get; set; } = MigrationOptions.DefaultSoakDays;

        [Parameter(HelpMessage = "Threads each what-if matrix evaluates sources on (default: every core); the what-if is the same whatever the number.")]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; }

        [Parameter(HelpMessage = "Create or update the AVNM resources and commit waves 1..Wave in Azure.")]
        public SwitchParameter Apply { get; set; }

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
                if (Global.IsPresent && Regional.IsPresent) throw new EngineInputException("Global", "-Global and -Regional exclude each other");
                var topology = _topology ?? (Snapshot != null ? LoadTopology(Snapshot, terminating: true) : null);
                var request = ToRequest(topology, _vnets, this);
                var directory = OutputPath == null ? null : GetUnresolvedProviderPathFromPSPath(OutputPath);
                if (directory != null) request.Output = new VerboseDirectorySink(this, directory);
                var plan = request.Execute(new PlanFilesHost(this, EngineHost));
                WriteObject(new SpokeMigrationPlan(plan, directory));
                if (Apply.IsPresent) WriteApply(ToApplyRequest(plan).Execute(EngineHost), plan);
            }
            catch (Exception e) when (TryWriteEngineError(e, NetworkGroup ?? string.Join(",", _vnets)))
            {
            }
            base.EndProcessing();
        }

        /// <summary>
        /// The request <c>azspoke plan --apply</c> also builds. -WhatIf sends nothing, not even the reads: every write is listed with
        /// its planned body. The connection (identity: -AccessToken, else the caller's Az context, else DefaultAzureCredential) is
        /// made by the live layer's factory only when something is sent.
        /// </summary>
        private MeshApplyRequest ToApplyRequest(MigrationPlan plan) => new MeshApplyRequest
        {
            Plan = plan,
            Wave = Wave,
            Decommission = Decommission.IsPresent,
            Preview = WhatIfRequested(),
            Connect = () => LiveConnection.Create(Environment, ArmEndpoint, AccessToken == null ? null : SecureStrings.ToPlainText(AccessToken),
                new AzContextIdentity(this, null)).CreateSender(null, _cancel.Token),
        };

        /// <summary>The apply result, and its refusal or failure as the documented error.</summary>
        private void WriteApply(MeshApplyResult result, MigrationPlan plan)
        {
            switch (result.RefusalKind)
            {
                case ApplyRefusal.NotReady:
                    ThrowTerminatingError(new ErrorRecord(new InvalidOperationException("-Apply refused: " + result.Refusal), "MeshNotReady", ErrorCategory.InvalidOperation, plan));
                    return;
                case ApplyRefusal.SoakNotOver:
                    WriteError(new ErrorRecord(new InvalidOperationException(result.Refusal), "MeshSoakNotOver", ErrorCategory.InvalidOperation, plan.NetworkManager.Id.Value));
                    break;
                case ApplyRefusal.NotOwned:
                    WriteError(new ErrorRecord(new InvalidOperationException(result.Refusal), "MeshResourceNotOwned", ErrorCategory.PermissionDenied, plan.NetworkGroup.Id.Value));
                    break;
                default:
                    if (result.Failure != null)
                        WriteError(new ErrorRecord(new InvalidOperationException(result.Failure), "MeshApplyFailed", ErrorCategory.InvalidResult, plan.NetworkManager.Id.Value));
                    break;
            }
            WriteObject(new SpokeMeshApplyResult(result));
        }

        private bool ConfirmRequested() =>
            MyInvocation.BoundParameters.TryGetValue("Confirm", out var c) && (c is SwitchParameter s ? s.IsPresent : c is bool b && b);

        private bool WhatIfRequested()
        {
            if (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w)) return w is SwitchParameter s ? s.IsPresent : w is bool b && b;
            var preference = SessionState.PSVariable.GetValue("WhatIfPreference");
            return preference is SwitchParameter p ? p.IsPresent : preference is bool pb && pb;
        }

        /// <summary>
        /// Local plan files are a medium-impact change, not the high impact of the ARM writes (the cmdlet's ConfirmImpact): the plan
        /// request's ShouldProcess for the file set is put to PowerShell only with -WhatIf, -Confirm, or $ConfirmPreference Medium or
        /// Low (-WhatIf: nothing written; -Confirm: one question); otherwise the files the user asked for with -OutputPath are written.
        /// </summary>
        private bool ShouldWritePlanFiles(string target, string action)
        {
            bool ask = WhatIfRequested() || ConfirmRequested() ||
                       (SessionState.PSVariable.GetValue("ConfirmPreference") is ConfirmImpact preference && preference != ConfirmImpact.None && preference <= ConfirmImpact.Medium);
            return !ask || ShouldProcess(target, action);
        }

        /// <summary>The cmdlet's engine host, with the plan files' medium-impact ShouldProcess (<see cref="ShouldWritePlanFiles"/>).</summary>
        private sealed class PlanFilesHost : IEngineHost
        {
            private readonly ConvertHairpinToMeshCommand _cmdlet;
            private readonly IEngineHost _inner;

            public PlanFilesHost(ConvertHairpinToMeshCommand cmdlet, IEngineHost inner)
            {
                _cmdlet = cmdlet;
                _inner = inner;
            }

            public void Warning(string message) => _inner.Warning(message);
            public void Verbose(string message) => _inner.Verbose(message);
            public void Progress(string activity, string status, int percent) => _inner.Progress(activity, status, percent);
            public bool ShouldProcess(string target, string action) => _cmdlet.ShouldWritePlanFiles(target, action);
        }

        /// <summary>The plan's directory: each file written atomically, then named on the verbose stream.</summary>
        private sealed class VerboseDirectorySink : DirectoryFileSink
        {
            private readonly Cmdlet _cmdlet;

            public VerboseDirectorySink(Cmdlet cmdlet, string directory) : base(directory)
            {
                _cmdlet = cmdlet;
            }

            public override void Write(string name, Action<Stream> write)
            {
                base.Write(name, write);
                _cmdlet.WriteVerbose("wrote " + Path.Combine(Location, name));
            }
        }

        /// <summary>The parameters as the request <c>azspoke plan</c> also builds.</summary>
        public static MeshMigrationRequest ToRequest(Topology? topology, IReadOnlyList<string> vnets, ConvertHairpinToMeshCommand p) =>
            new MeshMigrationRequest
            {
                Topology = topology,
                VirtualNetwork = vnets,
                Tag = p.Tag ?? new string[0],
                NetworkGroup = p.NetworkGroup,
                Region = p.Region ?? new string[0],
                HighScale = p.HighScale.IsPresent,
                HighScalePrivateEndpoints = p.HighScalePrivateEndpoints.IsPresent,
                Global = p.Global.IsPresent ? true : p.Regional.IsPresent ? false : (bool?)null,
                ConnectedGroupLimit = p.ConnectedGroupLimit,
                HighScaleConnectedGroupLimit = p.HighScaleConnectedGroupLimit,
                NetworkManager = p.NetworkManager,
                DynamicMembership = p.DynamicMembership.IsPresent,
                Owner = p.Owner,
                WhatIf = !p.SkipWhatIf.IsPresent,
                Protocol = p.Protocol,
                Port = p.Port,
                SourcePort = p.SourcePort,
                AssumeNva = p.AssumeNva,
                PilotSize = p.PilotSize,
                WaveSize = p.WaveSize,
                Wave = p.WavePattern ?? new string[0],
                Decommission = p.Decommission.IsPresent,
                SoakDays = p.SoakDays,
                Threads = p.ThrottleLimit > 0 ? p.ThrottleLimit : null,
                InfrastructureAsCode = p.InfrastructureAsCode ?? new string[0],
            };
    }
}
