using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;

namespace Asan.Briefs.Templating;

/// <summary>
/// Scriban's built-in objects (array, string, math, html, date…) for one template context: the same
/// set as Scriban's own <see cref="BuiltinFunctions"/>, but `date` is built on its first use. Scriban
/// binds each built-in function through reflection once per process, and under NativeAOT `date`'s
/// functions alone were half of that (some 15 ms of a cold build's CPU) while no template of ours
/// uses them; a designer's template that does still finds them. `string` and `regex` are bound from their
/// classes' static methods (<see cref="Imported"/>) rather than through Scriban's constructors.
/// </summary>
internal sealed class TemplateBuiltins : ScriptObject
{
    private const string DateName = "date";

    // Built once, as Scriban builds its defaults; each context gets a copy, so none can change another's.
    private static readonly ScriptObject Shared = BuildShared();
    private static readonly Lazy<DateTimeFunctions> SharedDate = new(() => new DateTimeFunctions());

    private bool _hasDate;

    public TemplateBuiltins() : base(12, false) => ((ScriptObject)Shared.Clone(true)).CopyTo(this);

    /// <summary>Builds the eager part in advance (see <see cref="TemplateEngine.Prepare"/>).</summary>
    internal static void Prepare() => _ = Shared.Count;

    public override bool TryGetValue(TemplateContext? context, SourceSpan span, string member, out object? value)
    {
        if (member == DateName) EnsureDate();
        return base.TryGetValue(context, span, member, out value);
    }

    public override bool Contains(string member) => member == DateName || base.Contains(member);

    public override bool CanWrite(string member)
    {
        if (member == DateName) EnsureDate();
        return base.CanWrite(member);
    }

    private void EnsureDate()
    {
        if (_hasDate) return;
        _hasDate = true;
        SetValue(DateName, SharedDate.Value.Clone(true), true);
    }

    private static ScriptObject BuildShared()
    {
        var builtins = new ScriptObject(12, false);
        builtins.SetValue("array", new ArrayFunctions(), true);
        builtins.SetValue("empty", EmptyScriptObject.Default, true);
        builtins.SetValue("blank", EmptyScriptObject.Default, true);
        builtins.SetValue("include", new IncludeFunction(), true);
        builtins.SetValue("html", new HtmlFunctions(), true);
        builtins.SetValue("math", new MathFunctions(), true);
        builtins.SetValue("object", new ObjectFunctions(), true);
        builtins.SetValue("regex", Imported(typeof(RegexFunctions)), true);
        builtins.SetValue("string", Imported(typeof(StringFunctions)), true);
        builtins.SetValue("timespan", new TimeSpanFunctions(), true);
        return builtins;
    }

    /// <summary>
    /// A built-in object of a Scriban function class's static methods, bound as its constructor binds them.
    /// The constructors of StringFunctions and RegexFunctions then replace `escape` with a delegate that
    /// checks the context's LimitToString, and binding a delegate makes NativeAOT map every reflectable
    /// method back from its address (ComputeLdftnReverseLookup: some 14 ms of a cold build's CPU). Our
    /// contexts set no limit (LimitToString = 0), where that `escape` is the static Escape bound here.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Scriban's own classes, kept whole in native builds (TrimmerRootAssembly).")]
    private static ScriptObject Imported(Type functions)
    {
        var imported = new ScriptObject(64, false);
        imported.Import(functions);
        return imported;
    }
}
