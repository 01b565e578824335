using System.IO.Compression;

namespace AzSpokeTools.HelpGen;

/// <summary>
/// Lays out the installable module from the cmdlet project's build output:
/// <code>
/// out/AzSpokeTools/&lt;version&gt;/
///   AzSpokeTools.psd1, AzSpokeTools.Format.ps1xml
///   AzSpokeTools.dll, AzSpokeTools.Loader.dll      (root: loaded by PowerShell itself)
///   Dependencies/*.dll                            (engine, live data, System.Text.Json, Azure.*: loaded by the loader)
///   en-US/AzSpokeTools.dll-Help.xml, en-US/about_AzSpokeTools.help.txt
///   samples/*.json                                (not *.expect.json)
/// </code>
/// and the Azure Automation zip, whose root holds one folder named like the module and the zip, with the
/// manifest directly inside it (<c>AzSpokeTools.zip: AzSpokeTools/AzSpokeTools.psd1</c>): Automation requires
/// that "the name of the .zip file, the name of the folder, and the name of the file in the folder must
/// be the same" (New-AzAutomationModule), so the zip has no version folder.
/// </summary>
public static class ModuleLayout
{
    public const string ModuleName = "AzSpokeTools";
    public const string DependenciesFolder = "Dependencies";
    public const string HelpCulture = "en-US";
    public const string MamlFileName = ModuleName + ".dll-Help.xml";
    public const string AboutFileName = "about_" + ModuleName + ".help.txt";

    /// <summary>Assemblies at the module root; every other assembly of the build output goes to Dependencies/.</summary>
    public static readonly IReadOnlyList<string> RootAssemblies = [ModuleName + ".dll", ModuleName + ".Loader.dll"];

    /// <summary>Assemblies PowerShell supplies; shipping one would shadow the host's own.</summary>
    public static readonly IReadOnlyList<string> HostAssemblies = ["System.Management.Automation.dll", "Microsoft.PowerShell.CoreCLR.Eventing.dll"];

    /// <summary>Creates out/AzSpokeTools/&lt;version&gt;/ and returns its path.</summary>
    /// <param name="repoRoot">Holds AzSpokeTools.psd1, module/ and docs/.</param>
    /// <param name="buildOutput">The cmdlet project's bin folder (all runtime dependencies copied local).</param>
    /// <param name="outRoot">Where AzSpokeTools/&lt;version&gt;/ is created (replaced if present).</param>
    public static string Create(string repoRoot, string buildOutput, string outRoot)
    {
        var manifest = new ModuleManifestFile(Path.Combine(repoRoot, ModuleName + ".psd1"));
        var version = manifest.GetString("ModuleVersion") ?? throw new InvalidOperationException($"{manifest.Path}: ModuleVersion is missing.");
        foreach (var root in RootAssemblies)
            if (!File.Exists(Path.Combine(buildOutput, root)))
                throw new FileNotFoundException($"{root} is not in the build output {buildOutput}; build src/AzSpokeTools first.", root);

        var moduleDir = Path.Combine(outRoot, ModuleName, version);
        if (Directory.Exists(moduleDir)) Directory.Delete(moduleDir, recursive: true);
        Directory.CreateDirectory(moduleDir);

        File.Copy(manifest.Path, Path.Combine(moduleDir, ModuleName + ".psd1"));
        var moduleSources = Path.Combine(repoRoot, "module");
        foreach (var ps1xml in Directory.GetFiles(moduleSources, "*.ps1xml"))
            File.Copy(ps1xml, Path.Combine(moduleDir, Path.GetFileName(ps1xml)));

        var dependencies = Directory.CreateDirectory(Path.Combine(moduleDir, DependenciesFolder)).FullName;
        foreach (var dll in Directory.GetFiles(buildOutput, "*.dll"))
        {
            var fileName = Path.GetFileName(dll);
            if (HostAssemblies.Contains(fileName, StringComparer.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{fileName} is in the build output {buildOutput}; PowerShell supplies it and the module must not ship it.");
            var isRoot = RootAssemblies.Contains(fileName, StringComparer.OrdinalIgnoreCase);
            File.Copy(dll, Path.Combine(isRoot ? moduleDir : dependencies, fileName));
        }

        var help = Directory.CreateDirectory(Path.Combine(moduleDir, HelpCulture)).FullName;
        var docs = Path.Combine(repoRoot, "docs");
        var cmdletHelp = Directory.Exists(docs) ? MarkdownHelpParser.ParseFolder(docs) : [];
        MamlWriter.Write(cmdletHelp, Path.Combine(help, MamlFileName));
        File.Copy(Path.Combine(moduleSources, AboutFileName), Path.Combine(help, AboutFileName));

        var samplesSource = Path.Combine(moduleSources, "samples");
        if (Directory.Exists(samplesSource))
        {
            var samples = Directory.CreateDirectory(Path.Combine(moduleDir, "samples")).FullName;
            foreach (var sample in Directory.GetFiles(samplesSource, "*.json"))
                if (!sample.EndsWith(".expect.json", StringComparison.OrdinalIgnoreCase))
                    File.Copy(sample, Path.Combine(samples, Path.GetFileName(sample)));
        }
        return moduleDir;
    }

    /// <summary>Zips a laid-out module folder as <paramref name="zipPath"/> with every entry under "AzSpokeTools/".</summary>
    public static void Zip(string moduleDir, string zipPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        if (File.Exists(zipPath)) File.Delete(zipPath);
        using var zip = ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in Directory.GetFiles(moduleDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(moduleDir, file).Replace('\\', '/');
            zip.CreateEntryFromFile(file, ModuleName + "/" + relative, CompressionLevel.Optimal);
        }
    }
}
