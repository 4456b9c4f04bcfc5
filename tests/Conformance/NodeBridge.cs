using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PosFirmware.Conformance;

/// <summary>
/// Runs bridge.js (node) with a JSON request and returns its JSON answer. Installs the pinned npm
/// packages (npm ci from package-lock.json) when node_modules is missing, so the tests run the
/// same from a fresh clone as in CI.
/// </summary>
public static class NodeBridge
{
    private static readonly object InstallLock = new();

    /// <summary>tests/Conformance in this checkout (found from the test assembly upwards).</summary>
    public static string Folder
    {
        get
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "PosFirmware.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            if (dir == null)
            {
                throw new InvalidOperationException("PosFirmware.sln not found above " + AppContext.BaseDirectory);
            }

            return Path.Combine(dir, "tests", "Conformance");
        }
    }

    public static JsonObject Run(JsonObject request)
    {
        EnsureInstalled();
        string output = Exec("node", "bridge.js", request.ToJsonString(), out string errors, out int code);
        if (code != 0)
        {
            throw new InvalidOperationException("node bridge.js failed (" + code + "): " + errors);
        }

        return JsonNode.Parse(output)!.AsObject();
    }

    private static void EnsureInstalled()
    {
        lock (InstallLock)
        {
            if (Directory.Exists(Path.Combine(Folder, "node_modules", "iso_8583")) && Directory.Exists(Path.Combine(Folder, "node_modules", "node-emv")))
            {
                return;
            }

            Exec("npm", "ci --no-audit --no-fund", "", out string errors, out int code);
            if (code != 0)
            {
                throw new InvalidOperationException("npm ci failed: " + errors);
            }
        }
    }

    private static string Exec(string file, string arguments, string input, out string errors, out int exitCode)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process p = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(input);
        p.StandardInput.Close();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException(file + " " + arguments + " did not finish in 120 s");
        }

        errors = stderr.Result;
        exitCode = p.ExitCode;
        return stdout.Result;
    }
}
