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
/// uses them; a designer's template that does still finds them. The other objects bind each function on
/// its first call (<see cref="LazyBuiltinFunctions"/>).
/// </summary>
internal sealed class TemplateBuiltins : ScriptObject
{
    private const string DateName = "date";

    // Built once, as Scriban builds its defaults; each context gets a copy, so none can change another's.
    private static readonly ScriptObject Shared = BuildShared();
    private static readonly Lazy<DateTimeFunctions> SharedDate = new(() => new DateTimeFunctions());

    private bool _hasDate;

    public TemplateBuiltins() : base(12, false) => ((ScriptObject)Shared.Clone(true)).CopyTo(this);

    /// <summary>
    /// Builds the eager part in advance (see <see cref="TemplateEngine.Prepare"/>), and Scriban's table of the
    /// signatures it binds (DynamicCustomFunction's static constructor, some 500 method lookups), which the
    /// first function a render calls would otherwise build.
    /// </summary>
    internal static void Prepare()
    {
        _ = Shared.Count;
        System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(typeof(DynamicCustomFunction).TypeHandle);
    }

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
        builtins.SetValue("array", LazyBuiltinFunctions.Of(typeof(ArrayFunctions)), true);
        builtins.SetValue("empty", EmptyScriptObject.Default, true);
        builtins.SetValue("blank", EmptyScriptObject.Default, true);
        builtins.SetValue("include", new IncludeFunction(), true);
        builtins.SetValue("html", LazyBuiltinFunctions.Of(typeof(HtmlFunctions)), true);
        builtins.SetValue("math", LazyBuiltinFunctions.Of(typeof(MathFunctions)), true);
        builtins.SetValue("object", LazyBuiltinFunctions.Of(typeof(ObjectFunctions)), true);
        builtins.SetValue("regex", LazyBuiltinFunctions.Of(typeof(RegexFunctions)), true);
        builtins.SetValue("string", LazyBuiltinFunctions.Of(typeof(StringFunctions)), true);
        builtins.SetValue("timespan", LazyBuiltinFunctions.Of(typeof(TimeSpanFunctions)), true);
        return builtins;
    }
}
