using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace AzSpokeTools.Completion
{
    /// <summary>
    /// Registers <see cref="SpokeArgumentCompleter"/> when the module is imported, for every cmdlet of this assembly
    /// that has one of its parameters (found by reflection, so cmdlets added later are covered without listing them).
    /// </summary>
    internal static class CompleterRegistration
    {
        private const string Script = @"
param([string[]] $CommandName, [string] $ParameterName)
Register-ArgumentCompleter -CommandName $CommandName -ParameterName $ParameterName -ScriptBlock {
    param($commandName, $parameterName, $wordToComplete, $commandAst, $fakeBoundParameters)
    [AzSpokeTools.Completion.SpokeArgumentCompleter]::Complete($parameterName, $wordToComplete, $fakeBoundParameters,
        $ExecutionContext.SessionState.Path.CurrentFileSystemLocation.ProviderPath)
}";

        public static void Register()
        {
            // Only when imported into a runspace (on its pipeline thread); nothing to do for a bare load of the assembly.
            if (System.Management.Automation.Runspaces.Runspace.DefaultRunspace == null) return;
            var cmdlets = typeof(CompleterRegistration).Assembly.GetTypes()
                .Select(t => (Type: t, Attribute: t.GetCustomAttribute<CmdletAttribute>()))
                .Where(c => c.Attribute != null)
                .Select(c => (Name: c.Attribute!.VerbName + "-" + c.Attribute.NounName,
                              Parameters: c.Type.GetProperties().Where(p => p.GetCustomAttributes<ParameterAttribute>().Any()).Select(p => p.Name).ToList()))
                .ToList();
            var byParameter = SpokeArgumentCompleter.Parameters
                .Select(p => (Parameter: p, Commands: cmdlets.Where(c => c.Parameters.Contains(p)).Select(c => c.Name).ToArray()))
                .ToList();
            byParameter.Add((Parameter: "Name", Commands: new[] { "Get-SpokeSample" }));
            // Completion is a convenience: a runspace that refuses the registration (constrained language, a host
            // without Register-ArgumentCompleter) still imports the module.
            try
            {
                using var shell = PowerShell.Create(RunspaceMode.CurrentRunspace);
                foreach (var (parameter, commands) in byParameter.Where(b => b.Commands.Length > 0))
                {
                    shell.Commands.Clear();
                    shell.AddScript(Script).AddArgument(commands).AddArgument(parameter);
                    shell.Invoke();
                }
            }
            catch (RuntimeException) { }
            catch (System.InvalidOperationException) { }
        }
    }
}
