using System.Globalization;
using AzSpokeTools.Fuzz;

// dotnet run -c Release --project tests/AzSpokeTools.Fuzz -- --mutants 50000 [--seed 16] [--start 0] [--target all|samples|corpus|intent|service-tags]
//     [--corpus DIR] [--budget-seconds 20] [--cli-every 10]
// --mutants is the total, shared across the targets: 60% samples, 15% corpus (when shared/corpus is found), 20% intent, 5% service tags.
// Exit 0 when every mutant ended in a result or an engine error; 1 when any did not (each printed with its case index:
// replay with --target T --start N --mutants 1); 2 for bad arguments.
int mutants = 50_000, seed = 16, start = 0, budget = 20, cliEvery = 10;
string target = "all";
string? corpus = null;
for (int i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException(args[i] + " needs a value");
    try
    {
        switch (args[i])
        {
            case "--mutants": mutants = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--seed": seed = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--start": start = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--target": target = Value(); break;
            case "--corpus": corpus = Value(); break;
            case "--budget-seconds": budget = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            case "--cli-every": cliEvery = int.Parse(Value(), CultureInfo.InvariantCulture); break;
            default: throw new ArgumentException("unknown argument " + args[i]);
        }
    }
    catch (Exception e) when (e is ArgumentException || e is FormatException || e is OverflowException)
    {
        Console.Error.WriteLine("error: " + e.Message);
        return 2;
    }
}
corpus ??= FuzzRun.FindCorpus(AppContext.BaseDirectory) ?? FuzzRun.FindCorpus(Environment.CurrentDirectory);
var plan = new List<(FuzzTarget Target, int Count)>();
switch (target)
{
    case "all":
        int corpusShare = corpus != null ? mutants * 15 / 100 : 0;
        int intent = mutants * 20 / 100, tags = mutants * 5 / 100;
        plan.Add((FuzzTarget.Samples, mutants - corpusShare - intent - tags));
        if (corpus != null) plan.Add((FuzzTarget.Corpus, corpusShare));
        else Console.WriteLine("shared/corpus/arm-examples not found: the public ARM examples are not fuzzed (give --corpus DIR)");
        plan.Add((FuzzTarget.Intent, intent));
        plan.Add((FuzzTarget.ServiceTags, tags));
        break;
    case "samples": plan.Add((FuzzTarget.Samples, mutants)); break;
    case "corpus":
        if (corpus == null) { Console.Error.WriteLine("error: shared/corpus/arm-examples not found; give --corpus DIR"); return 2; }
        plan.Add((FuzzTarget.Corpus, mutants));
        break;
    case "intent": plan.Add((FuzzTarget.Intent, mutants)); break;
    case "service-tags": plan.Add((FuzzTarget.ServiceTags, mutants)); break;
    default: Console.Error.WriteLine("error: --target is all, samples, corpus, intent or service-tags"); return 2;
}
int unexpected = 0;
long peak = 0;
foreach (var (t, count) in plan)
{
    Console.WriteLine($"== {t}: {count:N0} mutants from {start} (seed {seed})");
    var report = FuzzRun.Run(new FuzzOptions
    {
        Target = t, Mutants = count, Seed = seed, Start = start, CorpusDirectory = corpus, CaseBudget = TimeSpan.FromSeconds(budget),
        CliEvery = cliEvery, Log = Console.Out,
    });
    Console.Write(report);
    unexpected += report.Failures.Count;
    peak = Math.Max(peak, report.PeakWorkingSet);
}
Console.WriteLine($"total: {plan.Sum(p => p.Count):N0} mutants, {unexpected} unexpected, peak working set {peak / (1 << 20):N0} MiB");
return unexpected == 0 ? 0 : 1;
