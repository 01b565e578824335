// Small namespaces the architecture test reads from this test assembly, to prove that it finds a cycle that exists
// (including one made only by a `throw` inside a method body) and reports none where the uses go one way.

namespace AzSpokeTools.Engine.Tests.Architecture.Fixtures.Cyclic.Model
{
    internal sealed class Route
    {
        public AzSpokeTools.Engine.Tests.Architecture.Fixtures.Cyclic.Routing.NextHop NextHop { get; } = new();
    }
}

namespace AzSpokeTools.Engine.Tests.Architecture.Fixtures.Cyclic.Routing
{
    internal sealed class NextHop
    {
        // The only use of Errors from here is in a method body, as the engine's deep namespaces once did.
        public static void Check(string value)
        {
            if (value.Length == 0) throw new AzSpokeTools.Engine.Tests.Architecture.Fixtures.Cyclic.Errors.InputError();
        }
    }
}

namespace AzSpokeTools.Engine.Tests.Architecture.Fixtures.Cyclic.Errors
{
    internal sealed class InputError : System.Exception
    {
        // Errors -> Model closes the cycle Model -> Routing -> Errors -> Model.
        public AzSpokeTools.Engine.Tests.Architecture.Fixtures.Cyclic.Model.Route? Offending { get; set; }
    }
}

namespace AzSpokeTools.Engine.Tests.Architecture.Fixtures.Acyclic.Upper
{
    internal static class Reader
    {
        public static int Read() => AzSpokeTools.Engine.Tests.Architecture.Fixtures.Acyclic.Lower.Value.Zero;
    }
}

namespace AzSpokeTools.Engine.Tests.Architecture.Fixtures.Acyclic.Lower
{
    internal static class Value
    {
        public static int Zero => 0; // a property, not a const: a const is copied into the caller and leaves no use

        public static System.Func<int> Later() => () => new System.Collections.Generic.List<int>().Count;
    }
}
