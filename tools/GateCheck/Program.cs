// GateCheck: the second half of the API gate (.ci/gate). The C# compiler accepts generic types
// and methods we declare ourselves and multidimensional arrays even with no standard library,
// but nanoFramework 1.17 runs neither (shared/docs/PLATFORM.md). They leave marks in metadata:
// GenericParam rows, MethodSpec rows, and TypeSpecs that encode a generic instance or an array
// of rank > 1. Any mark fails the gate, with the type or method that carries it.
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: GateCheck <assembly.dll>");
    return 2;
}

using var stream = File.OpenRead(args[0]);
using var pe = new PEReader(stream);
var md = pe.GetMetadataReader();
var problems = new List<string>();

foreach (var handle in md.TypeDefinitions)
{
    var type = md.GetTypeDefinition(handle);
    string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
    if (type.GetGenericParameters().Count > 0)
    {
        problems.Add($"generic type {typeName}");
    }

    foreach (var mh in type.GetMethods())
    {
        var method = md.GetMethodDefinition(mh);
        if (method.GetGenericParameters().Count > 0)
        {
            problems.Add($"generic method {typeName}.{md.GetString(method.Name)}");
        }
    }
}

if (md.GetTableRowCount(TableIndex.MethodSpec) > 0)
{
    problems.Add($"{md.GetTableRowCount(TableIndex.MethodSpec)} generic method instantiation(s)");
}

for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
{
    var spec = md.GetTypeSpecification(MetadataTokens.TypeSpecificationHandle(row));
    var blob = md.GetBlobReader(spec.Signature);
    var code = blob.ReadSignatureTypeCode();
    if (code == SignatureTypeCode.GenericTypeInstance)
    {
        problems.Add("a generic type instantiation");
    }
    else if (code == SignatureTypeCode.Array)
    {
        problems.Add("a multidimensional array");
    }
}

foreach (var p in problems.Distinct())
{
    Console.Error.WriteLine($"gate: nanoFramework 1.17 cannot run {p}");
}

Console.WriteLine(problems.Count == 0 ? $"gate: {Path.GetFileName(args[0])} uses only what nanoFramework 1.17 runs" : $"gate: {problems.Count} problem(s)");
return problems.Count == 0 ? 0 : 1;
