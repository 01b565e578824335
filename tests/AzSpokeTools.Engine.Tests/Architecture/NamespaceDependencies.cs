using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace AzSpokeTools.Engine.Tests.Architecture;

/// <summary>
/// Which namespaces of one assembly use which others, read from the compiled IL with System.Reflection.Metadata:
/// base types, interfaces, field/method/property signatures, attributes, generic constraints, and every type,
/// method or field token in method bodies (so a <c>throw new X()</c> deep in a method counts). Nested and
/// compiler-generated types count for the namespace of their outermost declaring type.
/// </summary>
internal sealed class NamespaceDependencies
{
    private readonly Dictionary<string, HashSet<string>> _edges = new(StringComparer.Ordinal);

    /// <summary>Namespace → the other namespaces (under the prefix) it uses.</summary>
    public IReadOnlyDictionary<string, HashSet<string>> Edges => _edges;

    /// <summary>Reads <paramref name="assemblyPath"/>, keeping only namespaces equal to or under <paramref name="prefix"/>.</summary>
    public static NamespaceDependencies Read(string assemblyPath, string prefix)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        var result = new NamespaceDependencies();
        var walker = new Walker(reader, pe, prefix, result);
        foreach (var handle in reader.TypeDefinitions) walker.Visit(handle);
        return result;
    }

    /// <summary>Every namespace cycle: the strongly connected components with more than one namespace, each sorted.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        // Tarjan's algorithm over the namespace graph.
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var components = new List<IReadOnlyList<string>>();
        var next = 0;

        void Connect(string v)
        {
            index[v] = low[v] = next++;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in _edges.TryGetValue(v, out var ws) ? ws.OrderBy(x => x, StringComparer.Ordinal) : Enumerable.Empty<string>())
            {
                if (!index.ContainsKey(w)) { Connect(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string popped;
            do { popped = stack.Pop(); onStack.Remove(popped); component.Add(popped); } while (popped != v);
            if (component.Count > 1) components.Add(component.OrderBy(x => x, StringComparer.Ordinal).ToList());
        }

        foreach (var v in _edges.Keys.OrderBy(x => x, StringComparer.Ordinal))
            if (!index.ContainsKey(v)) Connect(v);
        return components;
    }

    /// <summary>One line per edge inside <paramref name="component"/>, for a failure message that says what to break.</summary>
    public IEnumerable<string> DescribeEdges(IReadOnlyCollection<string> component) =>
        from source in component.OrderBy(x => x, StringComparer.Ordinal)
        from target in _edges[source].Where(component.Contains).OrderBy(x => x, StringComparer.Ordinal)
        select $"{source} -> {target} ({string.Join(", ", Reasons(source, target).Take(4))})";

    private readonly Dictionary<(string From, string To), SortedSet<string>> _reasons = new();

    private IEnumerable<string> Reasons((string, string) edge) => _reasons.TryGetValue(edge, out var r) ? r : Enumerable.Empty<string>();

    private IEnumerable<string> Reasons(string from, string to) => Reasons((from, to));

    private void Add(string from, string to, string fromType, string toType)
    {
        if (from == to) return;
        if (!_edges.TryGetValue(from, out var set)) _edges[from] = set = new HashSet<string>(StringComparer.Ordinal);
        set.Add(to);
        if (!_reasons.TryGetValue((from, to), out var reasons)) _reasons[(from, to)] = reasons = new SortedSet<string>(StringComparer.Ordinal);
        reasons.Add(fromType + " uses " + toType);
    }

    private sealed class Walker : ISignatureTypeProvider<Unit, Unit>, ICustomAttributeTypeProvider<Unit>
    {
        private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value, o => o.OperandType);

        private readonly MetadataReader _reader;
        private readonly PEReader _pe;
        private readonly string _prefix;
        private readonly NamespaceDependencies _result;
        private string _fromNamespace = "";
        private string _fromType = "";

        public Walker(MetadataReader reader, PEReader pe, string prefix, NamespaceDependencies result)
        {
            _reader = reader;
            _pe = pe;
            _prefix = prefix;
            _result = result;
        }

        public void Visit(TypeDefinitionHandle handle)
        {
            var (ns, name) = Outermost(handle);
            if (!InScope(ns)) return;
            if (!_result._edges.ContainsKey(ns)) _result._edges[ns] = new HashSet<string>(StringComparer.Ordinal);
            _fromNamespace = ns;
            _fromType = name;

            var type = _reader.GetTypeDefinition(handle);
            if (!type.BaseType.IsNil) Use(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations()) Use(_reader.GetInterfaceImplementation(i).Interface);
            Attributes(type.GetCustomAttributes());
            GenericParameters(type.GetGenericParameters());
            var context = Unit.Value;
            foreach (var f in type.GetFields())
            {
                var field = _reader.GetFieldDefinition(f);
                field.DecodeSignature(this, context);
                Attributes(field.GetCustomAttributes());
            }
            foreach (var p in type.GetProperties())
            {
                var property = _reader.GetPropertyDefinition(p);
                property.DecodeSignature(this, context);
                Attributes(property.GetCustomAttributes());
            }
            foreach (var e in type.GetEvents()) Use(_reader.GetEventDefinition(e).Type);
            foreach (var m in type.GetMethods())
            {
                var method = _reader.GetMethodDefinition(m);
                method.DecodeSignature(this, context);
                Attributes(method.GetCustomAttributes());
                GenericParameters(method.GetGenericParameters());
                foreach (var p in method.GetParameters()) Attributes(_reader.GetParameter(p).GetCustomAttributes());
                if (method.RelativeVirtualAddress != 0) Body(_pe.GetMethodBody(method.RelativeVirtualAddress));
            }
        }

        private void Body(MethodBodyBlock body)
        {
            if (!body.LocalSignature.IsNil)
            {
                var locals = _reader.GetStandaloneSignature(body.LocalSignature);
                locals.DecodeLocalSignature(this, Unit.Value);
            }
            foreach (var region in body.ExceptionRegions)
                if (!region.CatchType.IsNil) Use(region.CatchType);

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE) code = unchecked((short)(0xFE00 | il.ReadByte()));
                switch (OperandTypes[code])
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar: il.Offset += 1; break;
                    case OperandType.InlineVar: il.Offset += 2; break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR: il.Offset += 8; break;
                    case OperandType.InlineSwitch:
                        var targets = il.ReadInt32(); // read first: `Offset += 4 * ReadInt32()` would add to the offset before the read
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineField:
                    case OperandType.InlineMethod:
                    case OperandType.InlineTok:
                    case OperandType.InlineType:
                        Use(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    default: il.Offset += 4; break; // InlineBrTarget, InlineI, InlineR4 (ShortInlineR), InlineSig, InlineString
                }
            }
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes) Use(_reader.GetCustomAttribute(a).Constructor);
        }

        private void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var g in parameters)
                foreach (var c in _reader.GetGenericParameter(g).GetConstraints())
                    Use(_reader.GetGenericParameterConstraint(c).Type);
        }

        private void Use(EntityHandle handle)
        {
            var context = Unit.Value;
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition: Target((TypeDefinitionHandle)handle); break;
                case HandleKind.TypeReference: Target((TypeReferenceHandle)handle); break;
                case HandleKind.TypeSpecification: _reader.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, context); break;
                case HandleKind.MethodDefinition:
                    var method = _reader.GetMethodDefinition((MethodDefinitionHandle)handle);
                    Target(method.GetDeclaringType());
                    method.DecodeSignature(this, context);
                    break;
                case HandleKind.FieldDefinition:
                    var field = _reader.GetFieldDefinition((FieldDefinitionHandle)handle);
                    Target(field.GetDeclaringType());
                    field.DecodeSignature(this, context);
                    break;
                case HandleKind.MemberReference:
                    var member = _reader.GetMemberReference((MemberReferenceHandle)handle);
                    Use(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method) member.DecodeMethodSignature(this, context);
                    else member.DecodeFieldSignature(this, context);
                    break;
                case HandleKind.MethodSpecification:
                    var spec = _reader.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Use(spec.Method);
                    spec.DecodeSignature(this, context);
                    break;
            }
        }

        private void Target(TypeDefinitionHandle handle)
        {
            var (ns, name) = Outermost(handle);
            if (InScope(ns)) _result.Add(_fromNamespace, ns, _fromType, name);
        }

        private void Target(TypeReferenceHandle handle)
        {
            var reference = _reader.GetTypeReference(handle);
            while (reference.ResolutionScope.Kind == HandleKind.TypeReference)
                reference = _reader.GetTypeReference((TypeReferenceHandle)reference.ResolutionScope);
            var ns = _reader.GetString(reference.Namespace);
            if (InScope(ns)) _result.Add(_fromNamespace, ns, _fromType, _reader.GetString(reference.Name));
        }

        private (string Namespace, string Name) Outermost(TypeDefinitionHandle handle)
        {
            var type = _reader.GetTypeDefinition(handle);
            while (type.IsNested) type = _reader.GetTypeDefinition(type.GetDeclaringType());
            return (_reader.GetString(type.Namespace), _reader.GetString(type.Name));
        }

        private bool InScope(string ns) =>
            ns.Length > 0 && (ns == _prefix || ns.StartsWith(_prefix + ".", StringComparison.Ordinal));

        // The signature decoder calls back for every type it meets; each named type becomes a dependency.
        public Unit GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) { Target(handle); return Unit.Value; }
        public Unit GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) { Target(handle); return Unit.Value; }
        public Unit GetTypeFromSpecification(MetadataReader reader, Unit context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);
        public Unit GetTypeFromSerializedName(string name) => Unit.Value;
        public Unit GetSystemType() => Unit.Value;
        public bool IsSystemType(Unit type) => false;
        public PrimitiveTypeCode GetUnderlyingEnumType(Unit type) => PrimitiveTypeCode.Int32;
        public Unit GetArrayType(Unit elementType, ArrayShape shape) => Unit.Value;
        public Unit GetByReferenceType(Unit elementType) => Unit.Value;
        public Unit GetFunctionPointerType(MethodSignature<Unit> signature) => Unit.Value;
        public Unit GetGenericInstantiation(Unit genericType, ImmutableArray<Unit> typeArguments) => Unit.Value;
        public Unit GetGenericMethodParameter(Unit genericContext, int index) => Unit.Value;
        public Unit GetGenericTypeParameter(Unit genericContext, int index) => Unit.Value;
        public Unit GetModifiedType(Unit modifier, Unit unmodifiedType, bool isRequired) => Unit.Value;
        public Unit GetPinnedType(Unit elementType) => Unit.Value;
        public Unit GetPointerType(Unit elementType) => Unit.Value;
        public Unit GetPrimitiveType(PrimitiveTypeCode typeCode) => Unit.Value;
        public Unit GetSZArrayType(Unit elementType) => Unit.Value;
    }

    /// <summary>The decoder's result type: the walker records dependencies as a side effect and needs no value.</summary>
    internal readonly struct Unit
    {
        public static readonly Unit Value = default;
    }
}
