namespace Asan.Briefs.Tests.Support;

/// <summary>
/// LibreOffice (`soffice --headless --convert-to`) on drafts: a profile of its own, so that a LibreOffice the user has
/// open does not take the job, and fontconfig's fonts plus the theme's (templates/fonts), so that a draft is laid out
/// in the faces it names, as on an editor's machine that has them. One process converts all the files given.
/// </summary>
public static class LibreOffice
{
    /// <summary>Each file converted to <paramref name="format"/> ("pdf", "docx"), in the order given.</summary>
    public static List<byte[]> Convert(IReadOnlyList<(string FileName, byte[] Bytes)> files, string format)
    {
        ExternalTool.Ensure("soffice");
        var work = Path.Combine(Path.GetTempPath(), $"asan-lo-{Guid.NewGuid():N}");
        var inputs = files.Select(f => Path.Combine(work, "in", f.FileName)).ToList();
        Directory.CreateDirectory(Path.Combine(work, "in"));
        try
        {
            for (var i = 0; i < files.Count; i++) File.WriteAllBytes(inputs[i], files[i].Bytes);
            var fontsConf = Path.Combine(work, "fonts.conf");
            File.WriteAllText(fontsConf, $"""
                <?xml version="1.0"?>
                <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
                <fontconfig>
                  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
                  <dir>{Path.Combine(Repository.Templates, "fonts")}</dir>
                  <cachedir>{Path.Combine(work, "fontconfig")}</cachedir>
                </fontconfig>
                """);
            ExternalTool.Run("soffice", $"-env:UserInstallation=file://{work}/profile --headless --convert-to {format} --outdir \"{work}/out\" "
                + string.Join(' ', inputs.Select(p => $"\"{p}\"")), environment: [("FONTCONFIG_FILE", fontsConf)]);
            return files.Select(f => File.ReadAllBytes(Path.Combine(work, "out", Path.ChangeExtension(f.FileName, format)))).ToList();
        }
        finally { Directory.Delete(work, recursive: true); }
    }
}
