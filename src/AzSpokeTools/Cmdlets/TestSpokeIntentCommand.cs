using System;
using System.Management.Automation;
using AzSpokeTools.Engine.Model;
using AzSpokeTools.Engine.Reports;
using AzSpokeTools.Engine.Requests;
using AzSpokeTools.Intent;

namespace AzSpokeTools.Cmdlets
{
    /// <summary>
    /// <c>Test-SpokeIntent</c>: pass or fail per intent rule (the file's rules and AVNM connectivity
    /// configurations), through the request <c>azspoke intent</c> builds. One result per rule with
    /// <c>Compliant</c>, the failing pairs counted by kind and up to -MaxExamples example paths; -Quiet
    /// writes one Boolean for the whole intent, for <c>Should -BeTrue</c>.
    /// </summary>
    [Cmdlet(VerbsDiagnostic.Test, "SpokeIntent", HelpUri = HelpLinks.Docs + "Test-SpokeIntent.md", DefaultParameterSetName = SnapshotSet)]
    [OutputType(typeof(SpokeIntentRule))]
    [OutputType(typeof(bool))]
    [OutputType(typeof(string))]
    public sealed class TestSpokeIntentCommand : TopologyCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, HelpMessage = "The intent file (YAML, or JSON when it ends in .json).")]
        [ValidateNotNullOrEmpty]
        public string? Intent { get; set; }

        [Parameter(HelpMessage = "Failing pairs kept per rule as example paths (default 20); every failure is counted.")]
        [ValidateRange(0, int.MaxValue)]
        public int MaxExamples { get; set; } = 20;

        [Parameter(HelpMessage = "Write only True (every rule passes) or False.")]
        public SwitchParameter Quiet { get; set; }

        [Parameter(HelpMessage = "Fail (with a warning) when the snapshot has no VNets, a rule matches no pair, or a coverage gap affects a rule's pairs. On by default; -FailOnEmpty:$false allows it.")]
        public SwitchParameter FailOnEmpty { get; set; } = true;

        [Parameter(HelpMessage = "Allow or Deny: what third-party network virtual appliances do with the rules' allow/deny flows (default Unknown: their rules are not visible).")]
        [ValidateSet("Allow", "Deny", IgnoreCase = true)]
        public string? AssumeNva { get; set; }

        [Parameter(HelpMessage = "Write the intent report as one JSON document (the bytes of azspoke intent --format json) instead of objects.")]
        public SwitchParameter AsJson { get; set; }

        [Parameter(HelpMessage = "Write the report for a pipeline as one string: Sarif (SARIF 2.1.0, for code scanning) or JUnit (JUnit XML, for test results), as azspoke intent --format sarif|junit.")]
        [ValidateSet(CheckReportWriter.Sarif, CheckReportWriter.JUnit, IgnoreCase = true)]
        public string? OutputFormat { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            try
            {
                CheckOutputFormat(AsJson, OutputFormat, Quiet);
                EngineHost.Progress("Testing intent", Intent!, -1);
                var intent = ResolvePath(Intent);
                var request = ToRequest(CurrentTopology, intent, MaxExamples, FailOnEmpty.IsPresent);
                request.AssumeNva = AssumeNva;
                var report = request.Execute(EngineHost);
                WriteVerbose($"{report.Pairs:N0} pairs, {report.PairsWithoutIntent:N0} without intent, {report.ElapsedMs} ms.");
                // The report's own Passed is the gate: an empty or incomplete check is not a pass.
                if (AsJson) WriteObject(IntentReportJsonWriter.Render(report));
                else if (OutputFormat != null) WriteObject(CheckReportWriter.Render(OutputFormat, report, intent, CurrentDirectory));
                else if (Quiet) WriteObject(report.Passed);
                else foreach (var rule in report.Rules) WriteObject(new SpokeIntentRule(rule));
            }
            catch (Exception e) when (TryWriteEngineError(e, Intent))
            {
            }
        }

        /// <summary>The parameters as the request the CLI's <c>azspoke intent --intent</c> also builds.</summary>
        public static IntentRequest ToRequest(Topology topology, string? intent, int maxExamples, bool failOnEmpty = true) =>
            new IntentRequest { Topology = topology, Intent = intent, MaxExamplesPerRule = maxExamples, FailOnEmpty = failOnEmpty };
    }
}
