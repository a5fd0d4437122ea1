using System.Collections.Concurrent;
using Asan.Briefs.Diagnostics;
using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace Asan.Briefs.Templating;

/// <summary>
/// Renders the Scriban templates under templates/. Every value a template writes is escaped for
/// HTML/XML unless it is <see cref="TrustedMarkup"/>; unknown variables and functions are errors that
/// name the template, line and column.
/// </summary>
public sealed class TemplateEngine
{
    private readonly string _directory;
    private readonly ConcurrentDictionary<string, Template> _cache = new();

    public TemplateEngine(string templatesDirectory) => _directory = Path.GetFullPath(templatesDirectory);

    public string Directory => _directory;

    /// <param name="name">Path under templates/, e.g. "html/page.sbn".</param>
    public string Render(string name, IReadOnlyDictionary<string, object?> globals)
    {
        var template = Load(name);
        var context = new EscapingTemplateContext(this);
        var script = new ScriptObject();
        foreach (var (key, value) in globals) script[key] = value;
        script.SetValue("raw", new OneValueFunction(v => new TrustedMarkup(v?.ToString() ?? "")), true);
        script.SetValue("json", new OneValueFunction(v => new TrustedMarkup(PlainJson.Write(v))), true);
        script.SetValue("include", new TrustedInclude(), true);
        context.PushGlobal(script);
        try
        {
            return template.Render(context);
        }
        catch (ScriptRuntimeException e) when (e.InnerException is BriefException inner)
        {
            // A partial that cannot be loaded: the loader's message, at the include that names it.
            throw inner;
        }
        catch (ScriptRuntimeException e)
        {
            throw new BriefException(DisplayPath.Of(ResolvePath(e.Span.FileName ?? name)), e.Span.Start.Line + 1, e.Span.Start.Column + 1,
                e.OriginalMessage + Hint(e.OriginalMessage));
        }
    }

    /// <summary>
    /// Builds Scriban's built-in functions (string, array, math…), which it does once per process through
    /// reflection and which otherwise falls on the first render.
    /// </summary>
    public static void Prepare() => TemplateBuiltins.Prepare();

    /// <summary>Parses every template under a sub-folder, reporting every syntax error.</summary>
    public IReadOnlyList<Diagnostic> Check(string subFolder)
    {
        var problems = new List<Diagnostic>();
        var root = Path.Combine(_directory, subFolder);
        if (!System.IO.Directory.Exists(root)) return problems;
        foreach (var file in System.IO.Directory.EnumerateFiles(root, "*.sbn", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            try { Load(Path.GetRelativePath(_directory, file)); }
            catch (BriefException e) { problems.AddRange(e.Diagnostics); }
        }
        return problems;
    }

    internal Template Load(string name) => _cache.GetOrAdd(name, n =>
    {
        var path = ResolvePath(n);
        if (!File.Exists(path)) throw new BriefException(DisplayPath.Of(path), 0, 0, "template not found; create it or fix the name that includes it");
        var template = Template.Parse(Reading.YamlFile.ReadText(path, DisplayPath.Of(path)), path);
        if (template.HasErrors)
            throw new BriefException(template.Messages.Select(m => new Diagnostic(DisplayPath.Of(path), m.Span.Start.Line + 1, m.Span.Start.Column + 1, m.Message)).ToList());
        DropTrivia(template.Page);
        return template;
    });

    /// <summary>The template at a full path if it was parsed already (by <see cref="Check"/> or a render), else null.</summary>
    private Template? Parsed(string path) =>
        _cache.TryGetValue(Path.GetRelativePath(_directory, path), out var template) ? template : null;

    /// <summary>
    /// Scriban gives every literal, variable, raw text and {{ }} an empty trivia holder (two lists), kept only
    /// to print a template back as written, which rendering never does (a parse without KeepTrivia leaves
    /// trivia null by design). The parsed templates live as long as the process: their 15,000 empty lists
    /// were most of what each collection of a cold build copied from Scriban.
    /// </summary>
    private static void DropTrivia(ScriptNode? node)
    {
        if (node is null) return;
        if (node is IScriptTerminal terminal) terminal.Trivias = null!;
        for (var i = 0; i < node.ChildrenCount; i++) DropTrivia(node.GetChildren(i));
    }

    internal string ResolvePath(string name) => Path.IsPathRooted(name) ? name : Path.Combine(_directory, name);

    private static string Hint(string message) =>
        message.Contains("was not found", StringComparison.Ordinal)
            ? "; check the name against the template model (templates/README.md)"
            : "";

    private sealed class EscapingTemplateContext : TemplateContext
    {
        private readonly TemplateEngine _engine;

        public EscapingTemplateContext(TemplateEngine engine) : base(new TemplateBuiltins())
        {
            _engine = engine;
            StrictVariables = true;
            TemplateLoader = new Loader(engine);
            EnableRelaxedMemberAccess = false;
            LoopLimit = 100_000;
            RecursiveLimit = 200;
            // Scriban cuts any value it writes at 1 MiB by default (ending it in "..."): a long brief's body
            // would lose its end without a word. Nothing a template writes is ever cut.
            LimitToString = 0;
        }

        // A partial (include) already parsed for the engine is shared: Scriban's own cache is per context,
        // so it parsed each partial again for every render. A partial not yet parsed, or with errors, goes
        // Scriban's way, which reports it at the include.
        protected override Template CreateTemplate(string templatePath, ScriptNode? callerContext) =>
            _engine.Parsed(templatePath) ?? base.CreateTemplate(templatePath, callerContext);

        public override string? ObjectToString(object? value, bool nested = false) =>
            value is TrustedMarkup markup ? markup.Text : base.ObjectToString(value, nested);

        // Escaped once, where a value is written out. Scriban also turns values into text for its
        // functions (array.join, string.*): escaping there too wrote R&D as R&amp;amp;D.
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is TrustedMarkup markup) return Write(markup.Text);
            var text = ObjectToString(textAsObject);
            return text is null ? this : Write(MarkupEscaper.Escape(text));
        }

        // Scriban builds a reflection accessor per type for each context, that is for each render, and the
        // runtime emits fresh invoke stubs for them once its reflection cache has been collected: a thousand
        // JIT compilations per hundred editions. Every context here has the same member rules, so one
        // accessor per type serves them all (they are read-only once built).
        private static readonly ConcurrentDictionary<Type, IObjectAccessor> SharedAccessors = new();

        protected override IObjectAccessor? GetMemberAccessorImpl(object target)
        {
            var type = target.GetType();
            if (SharedAccessors.TryGetValue(type, out var shared)) return shared;
            var accessor = base.GetMemberAccessorImpl(target);
            if (accessor is not null) SharedAccessors.TryAdd(type, accessor);
            return accessor;
        }
    }

    private sealed class Loader(TemplateEngine engine) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => engine.ResolvePath(templateName);

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath)
        {
            if (!File.Exists(templatePath))
                throw new BriefException(DisplayPath.Of(callerSpan.FileName ?? engine.Directory), callerSpan.Start.Line + 1, callerSpan.Start.Column + 1,
                    $"included template '{Path.GetRelativePath(engine.Directory, templatePath)}' not found; create it or fix the name");
            return Reading.YamlFile.ReadText(templatePath, DisplayPath.Of(templatePath));
        }

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new((string?)Load(context, callerSpan, templatePath));
    }

    /// <summary>
    /// A template function of one value. Written out rather than imported from a delegate, because
    /// Scriban binds delegates through reflection, which a native (AOT-compiled) build may not keep.
    /// </summary>
    private sealed class OneValueFunction(Func<object?, object> function) : IScriptCustomFunction
    {
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            function(arguments.Count > 0 ? arguments[0] : null);

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => 1;
        public int ParameterCount => 1;
        public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;
        public Type ReturnType => typeof(object);
        public ScriptParameterInfo GetParameterInfo(int index) => new(typeof(object), "value");
    }

    /// <summary>Scriban's include returns the partial's output as a string; mark it trusted so it is not escaped twice.</summary>
    private sealed class TrustedInclude : IScriptCustomFunction
    {
        private readonly IncludeFunction _include = new();

        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new TrustedMarkup(_include.Invoke(context, callerContext, arguments, blockStatement)?.ToString() ?? "");

        public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new(Invoke(context, callerContext, arguments, blockStatement));

        public int RequiredParameterCount => _include.RequiredParameterCount;
        public int ParameterCount => _include.ParameterCount;
        public ScriptVarParamKind VarParamKind => _include.VarParamKind;
        public Type ReturnType => typeof(TrustedMarkup);
        public ScriptParameterInfo GetParameterInfo(int index) => _include.GetParameterInfo(index);
    }
}
