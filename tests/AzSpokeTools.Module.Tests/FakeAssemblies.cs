using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Loader;

namespace AzSpokeTools.Module.Tests;

/// <summary>
/// Writes tiny real assemblies to disk (PersistedAssemblyBuilder) so that load-context tests can have two
/// versions of one assembly name, e.g. two Azure.Core builds, without shipping binaries.
/// </summary>
internal static class FakeAssemblies
{
    /// <summary>
    /// An assembly <paramref name="name"/> at <paramref name="version"/> with one type
    /// <c>{name}.Marker</c> whose static method <c>Which()</c> returns <paramref name="marker"/>.
    /// </summary>
    public static string WithMarker(string directory, string name, Version version, string marker)
    {
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = version }, typeof(object).Assembly);
        var module = builder.DefineDynamicModule(name);
        var type = module.DefineType(name + ".Marker", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
        var il = type.DefineMethod("Which", MethodAttributes.Public | MethodAttributes.Static, typeof(string), Type.EmptyTypes).GetILGenerator();
        il.Emit(OpCodes.Ldstr, marker);
        il.Emit(OpCodes.Ret);
        type.CreateType();
        return Save(builder, directory, name);
    }

    /// <summary>
    /// An assembly <paramref name="name"/> whose <c>{name}.Probe.Which()</c> calls <c>Marker.Which()</c> of the
    /// assembly at <paramref name="dependencyPath"/>, so that it references that assembly's name and version.
    /// </summary>
    public static string CallingMarkerOf(string directory, string name, string dependencyPath)
    {
        var scratch = new AssemblyLoadContext("fake-assembly-emit", isCollectible: true);
        try
        {
            var dependency = scratch.LoadFromStream(new MemoryStream(File.ReadAllBytes(dependencyPath)));
            var which = dependency.GetTypes().Single(t => t.Name == "Marker").GetMethod("Which")!;
            var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = new Version(1, 0, 0, 0) }, typeof(object).Assembly);
            var module = builder.DefineDynamicModule(name);
            var type = module.DefineType(name + ".Probe", TypeAttributes.Public | TypeAttributes.Abstract | TypeAttributes.Sealed | TypeAttributes.Class);
            var il = type.DefineMethod("Which", MethodAttributes.Public | MethodAttributes.Static, typeof(string), Type.EmptyTypes).GetILGenerator();
            il.Emit(OpCodes.Call, which);
            il.Emit(OpCodes.Ret);
            type.CreateType();
            return Save(builder, directory, name);
        }
        finally
        {
            scratch.Unload();
        }
    }

    private static string Save(PersistedAssemblyBuilder builder, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name + ".dll");
        builder.Save(path);
        return path;
    }
}
