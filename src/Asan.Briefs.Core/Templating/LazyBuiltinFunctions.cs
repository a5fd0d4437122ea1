using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Asan.Briefs.Templating;

/// <summary>
/// A built-in object of one of Scriban's function classes (ArrayFunctions, StringFunctions…) with the
/// members its constructor imports, in the same order and under the same names, but with each function
/// bound on its first call instead of all at once. Binding a function (DynamicCustomFunction.Create)
/// reads its parameters and their nullability through reflection and makes a delegate: some 70 µs a
/// function under NativeAOT, for the ~130 functions of the objects a template can name, of which ours
/// call a dozen. The constructors of StringFunctions and RegexFunctions also replace `escape` with a
/// delegate that checks the context's LimitToString; binding a delegate made NativeAOT build its reverse
/// map of every reflectable method's address (ComputeLdftnReverseLookup, some 14 ms). Our contexts set no
/// limit (LimitToString = 0), where that `escape` is the static Escape imported here.
/// </summary>
public static class LazyBuiltinFunctions
{
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Scriban's own classes, kept whole in native builds (TrimmerRootAssembly).")]
    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Scriban's own classes, kept whole in native builds (TrimmerRootAssembly).")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Scriban's own classes, kept whole in native builds (TrimmerRootAssembly).")]
    public static ScriptObject Of(Type functions)
    {
        var imported = new ScriptObject(64, false);
        // As ScriptObjectExtensions.Import walks a type: from ScriptObject (whose public statics it imports too)
        // down to the class, each type's fields and properties, then its methods.
        var types = new Stack<Type>();
        for (var type = functions; type is not null; type = type.BaseType == typeof(object) ? null : type.BaseType) types.Push(type);
        foreach (var type in types)
        {
            imported.Import(type, ScriptMemberImportFlags.Field | ScriptMemberImportFlags.Property);
            foreach (var method in type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Static | BindingFlags.Public))
            {
                if (method.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is not null || !method.IsPublic || !method.IsStatic || method.IsSpecialName) continue;
                var name = StandardMemberRenamer.Default(method);
                imported.SetValue(string.IsNullOrEmpty(name) ? method.Name : name, new BoundOnFirstCall(method), true);
            }
        }
        return imported;
    }

    /// <summary>One function, bound as Scriban's Import binds it, when a template first calls or inspects it.</summary>
    private sealed class BoundOnFirstCall(MethodInfo method) : IScriptCustomFunction
    {
        // Two renders may bind it at once; either binding is the same function.
        private IScriptCustomFunction? _function;

        private IScriptCustomFunction Function => _function ??= DynamicCustomFunction.Create(null, method);

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            Function.Invoke(context, callerContext, arguments, blockStatement);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            Function.InvokeAsync(context, callerContext, arguments, blockStatement);

        public int RequiredParameterCount => Function.RequiredParameterCount;
        public int ParameterCount => Function.ParameterCount;
        public ScriptVarParamKind VarParamKind => Function.VarParamKind;
        public Type ReturnType => Function.ReturnType;
        public ScriptParameterInfo GetParameterInfo(int index) => Function.GetParameterInfo(index);
    }
}
