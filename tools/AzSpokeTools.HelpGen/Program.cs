namespace AzSpokeTools.HelpGen;

/// <summary>
/// <code>
/// help   --docs DIR --out FILE                     markdown help -> MAML
/// layout --repo DIR --build DIR --out DIR [--zip FILE]   module folder (and Automation zip)
/// </code>
/// Exit codes: 0 done, 2 bad input (message on stderr).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            if (args.Length == 0) return Usage();
            var options = ParseOptions(args[1..]);
            switch (args[0])
            {
                case "help":
                {
                    var cmdlets = MarkdownHelpParser.ParseFolder(Required(options, "docs"));
                    MamlWriter.Write(cmdlets, Required(options, "out"));
                    Console.WriteLine($"{cmdlets.Count} cmdlet help topic(s) -> {options["out"]}");
                    return 0;
                }
                case "layout":
                {
                    var moduleDir = ModuleLayout.Create(Required(options, "repo"), Required(options, "build"), Required(options, "out"));
                    Console.WriteLine($"module -> {moduleDir}");
                    if (options.TryGetValue("zip", out var zip))
                    {
                        ModuleLayout.Zip(moduleDir, zip);
                        Console.WriteLine($"zip -> {zip}");
                    }
                    return 0;
                }
                default:
                    return Usage();
            }
        }
        catch (Exception e) when (e is HelpFormatException or ArgumentException or IOException or InvalidOperationException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 2;
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"unexpected argument '{args[i]}'.");
            options[args[i][2..]] = args[++i];
        }
        return options;
    }

    private static string Required(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");

    private static int Usage()
    {
        Console.Error.WriteLine("usage: HelpGen help --docs DIR --out FILE | layout --repo DIR --build DIR --out DIR [--zip FILE]");
        return 2;
    }
}
